import { CERTIFICATION_RUNS, MIN_CASES } from '../specs/caseCounts.ts';

/**
 * The fixed settings of a certification run. None of them can be loosened from the command line:
 * the flags that would (choosing rules, excusing failures, replaying one case, seeding bugs) are
 * usage errors, and `ec2-idem verify` refuses a bundle made otherwise.
 */
export const CERTIFICATION = {
  /**
   * Runs per rule (before a rule's cost divides them): 24, a fifth more than a plain run's default
   * (which already catches every seeded bug of the reference emulator). `--runs` may raise it, never lower it.
   */
  minRunsPerRule: CERTIFICATION_RUNS,
  /** Cases a rule × action must see with evidence to pass (as in every run). */
  minCasesToPass: MIN_CASES,
} as const;

/** Flags of `ec2-idem run` that a certification refuses, each with why. */
export const REFUSED_FLAGS: Readonly<Record<string, string>> = {
  only: 'a certification runs every rule',
  expectations: 'a certification counts every failure: no documented deviations',
  path: 'a certification generates its cases; replays are for ec2-idem run',
  'steps-path': 'a certification generates its cases; replays are for ec2-idem run',
  'emulator-bug': 'a certification runs the emulator as shipped (seeded bugs are for self-tests)',
  'emulator-variant': 'a certification runs the emulator as shipped (variants are for self-tests)',
  'report-dir': 'the bundle goes to --out DIR',
  endpoint: 'a certification names its target in a target file (--target FILE)',
  region: 'a certification tests the regions its target file declares',
};
