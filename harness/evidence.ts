import type { AttemptRecord } from './transcript.ts';

/** One attempt of a run, labelled with the rule × action test that sent it and the case it belongs to. */
export interface EvidenceLine {
  readonly rule: string;
  readonly action: string;
  /**
   * The test's case (property run, counted over generation and shrinking: 1, 2, …) that was open
   * when the attempt was sent; the attempts of a counterexample's transcript all carry one number.
   */
  readonly case: number;
  /** Secrets redacted, as in a transcript. */
  readonly attempt: AttemptRecord;
}

/**
 * Receives every attempt of a run, as it ends (the certification bundle's evidence.jsonl). It must
 * not keep what it receives: a long run sends many thousands of attempts.
 */
export interface EvidenceSink {
  /** `secrets`: values to scrub from the line before it is kept (the keys the run signs with). */
  add(line: EvidenceLine, secrets: readonly string[]): void;
}
