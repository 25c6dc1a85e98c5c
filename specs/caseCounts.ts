// How many cases a rule runs, in a module of its own (no imports): certification/policy.ts and the
// CLI's help texts read these numbers without loading the rule runner (specs/runRule.ts re-exports them).

/**
 * Cases per rule by default (a rule's `cost` divides it): chosen so that `npm start` stays within
 * 10 s on a 2-core machine while every seeded bug of the emulator is still caught (npm run
 * mutants). Each case now carries its evidence (positive controls, read-backs that must find what
 * was made) and two rules look at histories (HISTORY, RETENTION): 30 became 24.
 */
export const DEFAULT_RUNS = 24;

/**
 * A rule passes only after this many cases observed what it is about (fewer if fewer were asked
 * for, e.g. `--runs 1` or a replay): one lucky case stopped by a time limit is no evidence.
 */
export const MIN_CASES = 5;
