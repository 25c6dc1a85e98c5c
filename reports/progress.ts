import type { Writable } from 'node:stream';
import type { Reporter, TestCase } from 'vitest/node';
import { readResult } from './collect.ts';
import { formatDuration } from './formatDuration.ts';
import type { RuleResult } from './model.ts';
import { standing } from './standing.ts';
import { plural } from './plural.ts';
import { visible } from './visible.ts';

const SYMBOLS: Record<RuleResult['status'], string> = {
  passed: '✓',
  failed: '✗',
  inconclusive: '?',
  error: '!',
  'not-applicable': '–',
  skipped: '↓',
};

/**
 * One line per finished rule × action while the run goes, and nothing else: the summary comes
 * from the report writers at the end. Reads results the same way the collector does, so a crash
 * shows here exactly as it will in the report.
 */
export class ProgressReporter implements Reporter {
  readonly #out: Writable;

  /** @param out where lines go. @defaultValue process.stdout */
  constructor(out: Writable = process.stdout) {
    this.#out = out;
  }

  onTestCaseResult(testCase: TestCase): void {
    // Warnings are the collector's job; printing them here too would say everything twice.
    const { result } = readResult(testCase);
    if (result !== undefined) this.#out.write(`${progressLine(result)}\n`);
  }
}

/** `✗ LOST-RESPONSE RunInstances  17 runs · 41 requests · 2.3 s  expected exactly 1 instance…` */
export function progressLine(result: RuleResult): string {
  const documented = standing(result) === 'excused';
  const symbol = documented ? '⚠' : SYMBOLS[result.status];
  const numbers = [plural(result.runs, 'run'), plural(result.requests, 'request'), formatDuration(result.durationMs)].join(' · ');
  const head = `${symbol} ${result.rule} ${result.action}  ${numbers}`;
  const detail = lineDetail(result, documented);
  // visible(): an endpoint's message must not be able to send escape sequences to the terminal.
  return visible(detail === undefined ? head : `${head}  ${detail.replace(/\s+/g, ' ').trim()}`);
}

function lineDetail(result: RuleResult, documented: boolean): string | undefined {
  if (documented) return `documented deviation: ${result.deviation?.reason ?? ''}`;
  if (result.status === 'failed') return result.failure?.message ?? result.reason;
  return result.reason;
}
