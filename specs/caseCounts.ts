// How many cases a rule runs, in a module of its own (no imports): certification/policy.ts and the
// CLI's help texts read these numbers without loading the rule runner (specs/runRule.ts re-exports them).

/**
 * Cases per rule by default (a rule's `cost` divides it): chosen so that `npm start` ends within
 * 7 s on a 2-core machine while every seeded bug of the emulator is still caught (npm run
 * mutants runs at this count; the legitimate variants pass at 10). History: 30 until each case
 * carried its evidence and two rules looked at histories, then 24, then 20.
 */
export const DEFAULT_RUNS = 20;

/**
 * Cases per rule a certification runs at least: more than a plain run, because a certificate is
 * kept and shown, and a certification is run rarely (certification/policy.ts).
 */
export const CERTIFICATION_RUNS = 24;

/**
 * A rule passes only after this many cases observed what it is about (fewer if fewer were asked
 * for, e.g. `--runs 1` or a replay): one lucky case stopped by a time limit is no evidence.
 */
export const MIN_CASES = 5;
