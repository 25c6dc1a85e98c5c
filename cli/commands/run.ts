import { commandEntry, type FlagValues } from '../commandEntry.ts';
import { BUGS, LEGIT_VARIANTS } from '../../emulator/bugs.ts';
import { HarnessError } from '../../harness/errors.ts';
import { checkBudget } from '../../harness/budget.ts';
import { dirname, resolve } from 'node:path';
import type { EmbeddedTargetFile, TargetConfig } from '../../harness/target.ts';
import type { Expectations } from '../../reports/expectations.ts';
import type { RuleStatus } from '../../reports/model.ts';
import { standing } from '../../reports/standing.ts';
import { DEFAULT_RUNS, MIN_CASES } from '../../specs/caseCounts.ts';
import type { AnyRuleId } from '../../specs/ruleIds.ts';
// The suite itself (harness/target.ts, runConformance.ts and what they import) is loaded in run(),
// once the flags have parsed: `ec2-idem run --help` and usage errors do not wait for it.

const USAGE = `Usage: ec2-idem run [options]

Runs the conformance suite and writes report.json, junit.xml, summary.md and report.html.
Without --target or --endpoint it starts the embedded reference emulator.

  --target FILE        target file (JSON; see targets/*.json; "embedded": true for the embedded emulator)
  --endpoint URL       EC2 Query endpoint (credentials from the AWS default chain)
  --region R           region to test; repeat for several (default us-east-1)
  --image-id AMI       image to launch (default ${'ami-0123456789abcdef0'}, which emulators accept)
  --profile NAME       seed (default), aws-current, strict, or a plugin's profile
  --only RULE[,RULE]   run only these rules (the built-in ones: see README; and the plugins')
  --action ACTION      test this action; repeat for several, or 'all' (default: RunInstances,
                       CreateLaunchTemplate; ec2-idem actions lists every one, plugins' included)
  --plugin PATH|PKG    load a plugin (its module's default export); repeat for several. A target
                       file's "plugins" are loaded too (paths relative to the file)
  --allow-override     let a plugin replace a built-in rule or action (the report records it)
  --seed N             run seed (default random; printed in the report)
  --runs N             cases per rule (default ${DEFAULT_RUNS}, divided by a rule's cost; a rule passes after at least ${MIN_CASES})
  --path PATH          fast-check replay path (with --only, --action and --seed: replays one case)
  --steps-path PATH    replay path of a sequence of steps (HISTORY), given with its replay line
  --report-dir DIR     where reports go (default conformance-report/)
  --expectations FILE  documented deviations (default: the target file's "expectations")
  --strict             unexpected passes and expired deviations fail the run
  --no-shrink          report each rule's first counterexample as found, without shrinking it
                       (quicker on a slow endpoint that breaks many rules)
  --emulator-bug NAME  self-test: switch a seeded bug on in the embedded emulator (ec2-idem emulator --list-bugs)
  --emulator-variant NAME  self-test: switch a legitimate variant on in the embedded emulator
  --help               show this help

Exit: 0 conformant; 1 not conformant, or inconclusive (not every MUST rule passed with evidence);
2 usage, bad target, or an endpoint that could not be tested (unreachable, not EC2, stopped mid-run).
`;

const OPTIONS = {
  target: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string', multiple: true },
  'image-id': { type: 'string' },
  profile: { type: 'string' },
  only: { type: 'string' },
  action: { type: 'string', multiple: true },
  seed: { type: 'string' },
  runs: { type: 'string' },
  path: { type: 'string' },
  'steps-path': { type: 'string' },
  'report-dir': { type: 'string' },
  expectations: { type: 'string' },
  strict: { type: 'boolean' },
  'no-shrink': { type: 'boolean' },
  'emulator-bug': { type: 'string' },
  'emulator-variant': { type: 'string' },
  plugin: { type: 'string', multiple: true },
  'allow-override': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Values = FlagValues<typeof OPTIONS>;

export const runCommand = commandEntry({ name: 'run', usage: USAGE, options: OPTIONS }, (values) => run(values));

async function run(values: Values): Promise<number> {
  // No target and no plugin: the run will want the embedded emulator in its thread; start that
  // thread now, so that it loads while the suite below does. (A plugin in an embedded target file
  // is only known later: then the spare thread is dropped.)
  if (values.target === undefined && values.endpoint === undefined && values.plugin === undefined) {
    (await import('../emulatorThread.ts')).warmEmulatorThread();
  }
  const [{ resolveTarget }, { runConformance }, { targetSelection }, { setUpPlugins }, registry] = await Promise.all([
    import('../../harness/target.ts'),
    import('../runConformance.ts'),
    import('../targetFromFlags.ts'),
    import('../pluginFlags.ts'),
    import('../../plugins/registry.ts'),
  ]);
  const { baseProfile, knownActions, knownProfileNames } = registry;
  // Plugins first: the target file may name their actions and profiles.
  const plugins = await setUpPlugins({ flags: values.plugin, targetFile: values.target, allowOverride: values['allow-override'] });
  const profile = oneOf('--profile', values.profile, knownProfileNames());
  const { target, embeddedFile } = await targetSelection({
    target: values.target,
    endpoint: values.endpoint,
    regions: values.region,
    imageId: values['image-id'],
    profile,
    targetJson: plugins.targetJson,
    vocabulary: plugins.vocabulary,
  });
  if (target) {
    const spending = checkBudget(resolveTarget({ ...target, profile: baseProfile(target.profile ?? 'seed') }));
    if (spending) process.stdout.write(`${spending}\n`);
  }
  for (const override of plugins.activation.overrides) process.stdout.write(`override: ${override}\n`);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : count('--seed', values.seed);
  const outcome = await runConformance({
    target,
    ...(embeddedFile ? { embeddedTarget: embeddedFile } : {}),
    profile: profile ?? embeddedFile?.profile,
    seed,
    runs: values.runs === undefined ? undefined : count('--runs', values.runs, 1),
    only: rules(values.only, registry.ruleCatalog().map((rule) => rule.id)),
    actions: values.action?.includes('all') ? knownActions() : (values.action?.map((a) => oneOf('--action', a, knownActions())!) ?? embeddedFile?.actions),
    path: values.path,
    stepsPath: values['steps-path'],
    reportDir: values['report-dir'] ?? 'conformance-report',
    ...(values['no-shrink'] ? { shrink: false } : {}),
    replayBase: replayBase(values, profile),
    emulator: embeddedSetting(values, target !== undefined, registry.activePlugins().flatMap((plugin) => (plugin.bugs ?? []).map((bug) => bug.name))),
    targetFile: values.target,
    expectations: await expectationsFor(values, target ?? embeddedFile),
    strict: values.strict,
  });
  for (const notice of outcome.report.notices) process.stdout.write(`notice: ${notice}\n`);
  const { totals, conformance, run: ran } = outcome.report;
  const reports = `reports: ${outcome.paths.markdown}, ${outcome.paths.json}, ${outcome.paths.junit}, ${outcome.paths.html}`;
  if (ran.stopped === undefined && conformance === 'untested') {
    process.stderr.write(`ec2-idem run: no rule could run${outcome.report.notices.length ? ` (${outcome.report.notices.join('; ')})` : ''}\n`);
    return 2;
  }
  if (ran.stopped !== undefined && outcome.report.rules.length === 0) {
    // The preflight refused the endpoint before any rule ran.
    process.stderr.write(`ec2-idem run: ${ran.stopped}\n`);
    return 2;
  }
  // Failed and inconclusive results a deviation documents are counted once, as deviations.
  const undocumented = (status: RuleStatus) => outcome.report.rules.filter((r) => r.status === status && standing(r) !== 'excused').length;
  process.stdout.write(
    `\n${conformance}: ${totals.passed} passed, ${undocumented('failed')} failed, ${undocumented('inconclusive')} inconclusive, ${totals.errors} errors, ${totals.deviations} documented deviations, ${totals.notApplicable} not applicable, ${totals.skipped} skipped` +
      ` · ${totals.requests} requests · ${totals.resourcesLeftBehind} resources left behind · seed ${seed}\n${reports}\n`,
  );
  if (ran.stopped !== undefined) process.stderr.write(`ec2-idem run: the run stopped early: ${ran.stopped}\n`);
  return outcome.exitCode;
}

/** The flags that pin down this run's target and profile, for replay lines. */
function replayBase(values: Values, profile: string | undefined): string {
  const parts = ['npx ec2-idem run'];
  if (values.target) parts.push(`--target ${values.target}`);
  if (values.endpoint) parts.push(`--endpoint ${values.endpoint}`);
  for (const region of values.region ?? []) parts.push(`--region ${region}`);
  if (values['image-id']) parts.push(`--image-id ${values['image-id']}`);
  if (profile) parts.push(`--profile ${profile}`);
  if (values['emulator-bug']) parts.push(`--emulator-bug ${values['emulator-bug']}`);
  if (values['emulator-variant']) parts.push(`--emulator-variant ${values['emulator-variant']}`);
  for (const plugin of values.plugin ?? []) parts.push(`--plugin ${plugin}`);
  if (values['allow-override']) parts.push('--allow-override');
  return parts.join(' ');
}

/** The --expectations file, else the target file's `expectations` entry (relative to the target file). */
async function expectationsFor(values: Values, target: TargetConfig | EmbeddedTargetFile | undefined): Promise<Expectations | undefined> {
  const path = values.expectations ?? (target?.expectations && values.target ? resolve(dirname(values.target), target.expectations) : target?.expectations);
  if (!path) return undefined;
  const { loadExpectations } = await import('../expectationsFile.ts');
  return loadExpectations(path);
}

function embeddedSetting(values: Values, hasTarget: boolean, pluginBugs: readonly string[]): { bug?: string; variant?: string } | undefined {
  const bug = oneOf('--emulator-bug', values['emulator-bug'], [...Object.keys(BUGS), ...pluginBugs]);
  const variant = oneOf('--emulator-variant', values['emulator-variant'], Object.keys(LEGIT_VARIANTS));
  if (!bug && !variant) return undefined;
  if (hasTarget) throw new HarnessError('EC2IDEM_USAGE', '--emulator-bug and --emulator-variant apply to the embedded emulator only (drop --target/--endpoint)');
  return { bug, variant };
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new HarnessError('EC2IDEM_USAGE', `${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function count(flag: string, value: string, min = 0): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || !Number.isSafeInteger(parsed)) {
    throw new HarnessError('EC2IDEM_USAGE', `${flag} must be a whole number ≥ ${min} (got "${value}")`);
  }
  return parsed;
}

function rules(list: string | undefined, known: readonly string[]): AnyRuleId[] | undefined {
  if (list === undefined) return undefined;
  const ids = list.split(',').map((id) => id.trim().toUpperCase()).filter(Boolean);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new HarnessError('EC2IDEM_USAGE', `--only: unknown rule ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return ids;
}
