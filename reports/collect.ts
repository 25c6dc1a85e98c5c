import type { Reporter, TestCase, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import { isRuleId, type RuleId } from '../specs/ruleIds.ts';
import type { RuleResult } from './model.ts';
import { visible } from './visible.ts';

// The contract with the spec worker: what it attaches to the tasks it runs (vitest's TaskMeta).
declare module 'vitest' {
  interface TaskMeta {
    /** Set on each rule × action test by the spec worker, once the rule has a verdict. */
    result?: RuleResult;
    /** Set on the test module after its final cleanup. */
    cleanup?: { resourcesLeftBehind: number };
    /** Set on the test module when the run's breaker stopped it: why. */
    stopped?: string;
  }
}

/** The rule header a synthesized result needs; the CLI can take it from the rule catalog. */
export type RuleHeader = Pick<RuleResult, 'title' | 'strength' | 'source'>;

/** What a result is read from: the parts of vitest's `TestCase` this file uses (fakeable in tests). */
export type TestCaseView = Pick<TestCase, 'id' | 'name' | 'fullName' | 'meta' | 'result' | 'diagnostic'>;

export interface ResultCollectorOptions {
  /**
   * Called once per rule × action as soon as it is known, e.g. with `appendVerdictLine`, so a
   * crashed run still leaves its verdicts. Errors it throws are warned about, never rethrown.
   * @defaultValue none
   */
  readonly onResult?: (result: RuleResult) => void | Promise<void>;
  /** Header for a test that crashed before attaching its result. @defaultValue a placeholder naming the test */
  readonly ruleHeader?: (rule: RuleId) => RuleHeader | undefined;
  /** Where warnings go. @defaultValue vitest's logger (stderr) */
  readonly warn?: (message: string) => void;
}

/** Everything the run produced for the report; `notices` are for the reader (crashes, unhandled errors). */
export interface CollectedRun {
  readonly results: readonly RuleResult[];
  readonly resourcesLeftBehind: number;
  readonly notices: readonly string[];
  readonly reason: TestRunEndReason;
  /** Why the run stopped before every rule finished, if a module says it did. */
  readonly stopped?: string;
}

/** A test's result, or the synthesized one with the warning that explains why it had to be. */
export interface ReadResult {
  readonly result: RuleResult | undefined;
  readonly warning?: string;
}

/**
 * Collects the rule results of a vitest run; the CLI awaits `done` and builds the report.
 * Like vitest's JsonReporter it never throws on an odd state: it warns and keeps going, because
 * a report with a synthesized failure is worth more than no report.
 */
export class ResultCollector implements Reporter {
  readonly done: Promise<CollectedRun>;
  readonly #byTest = new Map<string, RuleResult>();
  /** Every test already read, with or without a result, so none is read (and warned about) twice. */
  readonly #seen = new Set<string>();
  readonly #notices: string[] = [];
  readonly #options: ResultCollectorOptions;
  #resolve: (run: CollectedRun) => void = () => {};
  #logger: Vitest['logger'] | undefined;

  constructor(options: ResultCollectorOptions = {}) {
    this.#options = options;
    this.done = new Promise((resolve) => (this.#resolve = resolve));
  }

  /** Results known so far, in the order they finished. */
  get results(): readonly RuleResult[] {
    return [...this.#byTest.values()];
  }

  onInit(vitest: Vitest): void {
    this.#logger = vitest.logger;
  }

  async onTestCaseResult(testCase: TestCase): Promise<void> {
    await this.#take(testCase);
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: Parameters<NonNullable<Reporter['onTestRunEnd']>>[1],
    reason: TestRunEndReason,
  ): Promise<void> {
    let resourcesLeftBehind = 0;
    let stopped: string | undefined;
    for (const testModule of testModules) {
      try {
        resourcesLeftBehind += await this.#readModule(testModule);
        stopped ??= testModule.meta().stopped;
      } catch (error) {
        // A half-read module must not keep `done` from resolving: the CLI is waiting on it.
        this.#notice(`could not read the results of ${testModule.relativeModuleId}: ${String(error)}`);
      }
    }
    for (const error of unhandledErrors) this.#notice(`unhandled error during the run: ${firstLine(error.message)}`);
    this.#resolve({ results: this.results, resourcesLeftBehind, notices: [...this.#notices], reason, ...(stopped === undefined ? {} : { stopped }) });
  }

  /** Reads the tests that never reported (interrupted, failed in a hook) and returns the module's leak count. */
  async #readModule(testModule: TestModule): Promise<number> {
    let created = 0;
    for (const testCase of testModule.children.allTests()) {
      if (!this.#seen.has(testCase.id)) await this.#take(testCase);
      created += this.#byTest.get(testCase.id)?.resourcesCreated ?? 0;
    }
    for (const error of testModule.errors()) this.#notice(`${testModule.relativeModuleId} failed outside any test: ${firstLine(error.message)}`);
    const cleanup = testModule.meta().cleanup;
    if (cleanup === undefined && created > 0) {
      this.#notice(`${testModule.relativeModuleId} created ${created} resources but reported no cleanup: check for leftovers`);
    }
    return cleanup?.resourcesLeftBehind ?? 0;
  }

  async #take(testCase: TestCase): Promise<void> {
    this.#seen.add(testCase.id);
    const { result, warning } = readResult(testCase, this.#options.ruleHeader);
    if (warning !== undefined) this.#notice(warning);
    if (result === undefined) return;
    this.#byTest.set(testCase.id, result);
    try {
      await this.#options.onResult?.(result);
    } catch (error) {
      this.#warn(`could not record the result of ${testCase.fullName}: ${String(error)}`);
    }
  }

  #notice(message: string): void {
    this.#notices.push(message);
    this.#warn(message);
  }

  #warn(message: string): void {
    const text = visible(`[ec2-idem reports] ${message}`);
    if (this.#options.warn !== undefined) this.#options.warn(text);
    else if (this.#logger !== undefined) this.#logger.warn(text);
    else process.stderr.write(`${text}\n`);
  }
}

/**
 * Reads the RuleResult a test attached. Without one (the test crashed, was interrupted, or the
 * worker forgot), it synthesizes a result from the test name `RULE-ID ACTION` so the run can
 * never look better than it was; a crash is an `error`, which keeps the run from being conformant.
 */
export function readResult(testCase: TestCaseView, ruleHeader?: (rule: RuleId) => RuleHeader | undefined): ReadResult {
  const state = testCase.result();
  const attached = testCase.meta().result;
  if (attached !== undefined) {
    const inconsistent = state.state === 'failed' && attached.status !== 'failed' && attached.status !== 'error';
    const warning = inconsistent ? `${testCase.fullName} failed in vitest (${errorText(state.errors)}) but its verdict is ${attached.status}` : undefined;
    return { result: attached, warning };
  }
  const named = parseTestName(testCase.name);
  if (named === undefined) return { result: undefined, warning: `${testCase.fullName} is not a "RULE-ID ACTION" test and attached no verdict; ignored` };
  const header = ruleHeader?.(named.rule) ?? placeholderHeader(testCase.fullName);
  const base = { ...header, ...named, runs: 0, requests: 0, resourcesCreated: 0, durationMs: testCase.diagnostic()?.duration ?? 0 };
  switch (state.state) {
    case 'skipped': // filtered out or skipped on purpose: not a crash, so no warning
      return { result: { ...base, status: 'skipped', reason: state.note ?? 'skipped by the test runner' } };
    case 'failed':
      return crashed(base, `crashed before producing a verdict: ${errorText(state.errors)}`, testCase);
    case 'passed':
      return crashed(base, 'the test passed but attached no verdict (a spec worker bug)', testCase);
    case 'pending':
      return crashed(base, 'did not finish: the run ended first', testCase);
  }
}

type ResultBase = Omit<RuleResult, 'status'>;

function crashed(base: ResultBase, reason: string, testCase: TestCaseView): ReadResult {
  // A crash is the suite's own failure, never a verdict on the endpoint: `error`, not `failed`.
  return { result: { ...base, status: 'error', reason }, warning: `${testCase.fullName} ${reason}` };
}

function parseTestName(name: string): { rule: RuleId; action: string } | undefined {
  const [rule, ...rest] = name.trim().split(/\s+/);
  if (rule === undefined || !isRuleId(rule)) return undefined;
  return { rule, action: rest.join(' ') || 'unknown action' };
}

function placeholderHeader(fullName: string): RuleHeader {
  // The test attached no verdict, so its rule header (and so its reference) is unknown.
  return { title: fullName, strength: 'MUST', source: { ref: 'unknown', link: '' } };
}

function errorText(errors: ReadonlyArray<{ message: string }> | undefined): string {
  const first = errors?.[0];
  return first === undefined ? 'no error message' : firstLine(first.message);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() || 'no error message';
}
