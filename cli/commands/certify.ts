import { commandEntry, type FlagValues } from '../commandEntry.ts';
// certification/certify.ts and harness/target.ts (the whole suite) are imported by run(), once the
// flags have parsed: `ec2-idem certify --help` and usage errors answer at once.
import { CERTIFICATION, REFUSED_FLAGS } from '../../certification/policy.ts';
import { ENDPOINT_KINDS, type EndpointKind } from '../../certification/product.ts';
import { checkBudget } from '../../harness/budget.ts';
import { HarnessError } from '../../harness/errors.ts';
import type { ProfileName, TokenActionName } from '../../harness/target.ts';
import { parseShard } from '../../specs/shard.ts';

const USAGE = `Usage: ec2-idem certify --out DIR [--target FILE] [options]

A certification run: every rule on every action the vendor declares, at least ${CERTIFICATION.minRunsPerRule} runs per
rule, no documented deviations. Writes a bundle to DIR (new or empty): report.json, junit.xml,
summary.md, report.html, evidence.jsonl (every attempt, secrets redacted), product.json,
badge.svg and certificate.json (settings, verdicts, level, SHA-256 of every other file).
ec2-idem verify DIR checks it. Without --target it certifies the embedded reference emulator.

  --out DIR               where the bundle goes (required)
  --target FILE           target file (JSON); its "product" describes the product
  --profile NAME          seed, aws-current or strict (default: the target file's, else seed)
  --action ACTION         a declared action; repeat for several, or 'all' (default: the target file's
                          "actions", else RunInstances and CreateLaunchTemplate)
  --seed N                run seed (default random; shards of one certification share one)
  --runs N                runs per rule, at least ${CERTIFICATION.minRunsPerRule} (default ${CERTIFICATION.minRunsPerRule})
  --shard i/n             run only the i-th of n parts of the rule × action list (ec2-idem merge joins them)
  --vendor NAME           product.json: the vendor         (or "product.vendor" in the target file)
  --product NAME          product.json: the product        (or "product.product")
  --product-version V     product.json: the product version (or "product.version")
  --endpoint-kind KIND    product.json: ${ENDPOINT_KINDS.join(', ')} (or "product.endpointKind")
  --help                  show this help

Not accepted (the settings of a certification are fixed): ${Object.keys(REFUSED_FLAGS).map((f) => `--${f}`).join(', ')}.

Exit: 0 conformant; 1 not conformant or inconclusive (the bundle is written either way);
2 usage, bad target, or an endpoint that could not be tested (no bundle).
`;

const OPTIONS = {
  out: { type: 'string' },
  target: { type: 'string' },
  profile: { type: 'string' },
  action: { type: 'string', multiple: true },
  seed: { type: 'string' },
  runs: { type: 'string' },
  shard: { type: 'string' },
  vendor: { type: 'string' },
  product: { type: 'string' },
  'product-version': { type: 'string' },
  'endpoint-kind': { type: 'string' },
  help: { type: 'boolean' },
  // Accepted by the parser only to be refused with the reason (REFUSED_FLAGS).
  only: { type: 'string' },
  expectations: { type: 'string' },
  path: { type: 'string' },
  'steps-path': { type: 'string' },
  'emulator-bug': { type: 'string' },
  'emulator-variant': { type: 'string' },
  'report-dir': { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string', multiple: true },
} as const;

type Values = FlagValues<typeof OPTIONS>;

export const certifyCommand = commandEntry({ name: 'certify', usage: USAGE, options: OPTIONS }, (values) => run(values));

async function run(values: Values): Promise<number> {
  for (const [flag, why] of Object.entries(REFUSED_FLAGS)) {
    if (values[flag as keyof Values] !== undefined) throw new HarnessError('EC2IDEM_USAGE', `--${flag} is not accepted in a certification: ${why}`);
  }
  if (values.out === undefined) throw new HarnessError('EC2IDEM_USAGE', '--out DIR is required: the folder the bundle goes to');
  const [{ certify }, { loadTargetFile, resolveTarget, TOKEN_ACTIONS }] = await Promise.all([import('../../certification/certify.ts'), import('../../harness/target.ts')]);
  const profile = oneOf('--profile', values.profile, ['seed', 'aws-current', 'strict'] as const) as ProfileName | undefined;
  const target = values.target === undefined ? undefined : await loadTargetFile(values.target);
  if (target) {
    const spending = checkBudget(resolveTarget(target));
    if (spending) process.stdout.write(`${spending}\n`);
  }
  const runs = values.runs === undefined ? undefined : count('--runs', values.runs, 1);
  if (runs !== undefined && runs < CERTIFICATION.minRunsPerRule) {
    throw new HarnessError('EC2IDEM_USAGE', `--runs ${runs} is below the certification minimum: at least ${CERTIFICATION.minRunsPerRule} runs per rule`);
  }
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : count('--seed', values.seed);
  const certifiedProfile = profile ?? oneOf('the target file\'s profile', target?.profile, ['seed', 'aws-current', 'strict'] as const) ?? 'seed';
  const replayBase = ['npx ec2-idem run', ...(values.target ? [`--target ${values.target}`] : []), `--profile ${certifiedProfile}`].join(' ');
  const result = await certify({
    out: values.out,
    target,
    targetFile: values.target,
    profile: certifiedProfile,
    actions: values.action?.includes('all') ? [...TOKEN_ACTIONS] : values.action?.map((a) => oneOf('--action', a, TOKEN_ACTIONS) as TokenActionName),
    seed,
    runs,
    ...(values.shard === undefined ? {} : { shard: parseShard(values.shard) }),
    product: {
      vendor: values.vendor,
      product: values.product,
      version: values['product-version'],
      endpointKind: oneOf('--endpoint-kind', values['endpoint-kind'], ENDPOINT_KINDS) as EndpointKind | undefined,
    },
    replayBase,
  });
  const { certificate } = result;
  for (const notice of result.report.notices) process.stdout.write(`notice: ${notice}\n`);
  for (const note of certificate.notes) process.stdout.write(`note: ${note}\n`);
  process.stdout.write(
    `\ncertified: ${certificate.verdict}, level ${certificate.level} · ${certificate.results.length} rule × action tests · ` +
      `${certificate.settings.runsPerRule} runs per rule · profile ${certificate.profile} · seed ${certificate.seed}\n` +
      `bundle: ${values.out} (${Object.keys(certificate.files).length + 1} files; ec2-idem verify ${values.out} checks it)\n`,
  );
  if (result.report.run.stopped !== undefined) process.stderr.write(`ec2-idem certify: the run stopped early: ${result.report.run.stopped}\n`);
  return result.exitCode;
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
