/** Tells the recorder which fault an attempt carried (a symbol on the dispatch options, never on the wire). */
export const FAULT_LABEL = Symbol('ec2-idem.fault');

/** One attempt on the wire, as the client saw it; secrets already redacted. */
export interface AttemptRecord {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string | undefined;
  };
  /** What the endpoint answered, when its answer arrived (even if a fault then hid it from the client). */
  readonly response?: { readonly status: number; readonly body: string };
  /** The error the client saw instead of an answer. */
  readonly failure?: { readonly code: string; readonly message: string };
  /** The injected fault for this attempt, when one was planned. */
  readonly fault?: string;
  readonly startedAt: string;
  readonly durationMs: number;
}

/** The attempts of one property run, in the order they finished. */
export class Transcript {
  readonly attempts: AttemptRecord[] = [];

  add(record: AttemptRecord): void {
    this.attempts.push(record);
  }
}

/** Receives attempts from the recorder interceptor; the owner points it at the current transcript. */
export class TranscriptSink {
  current: Transcript | undefined;

  add(record: AttemptRecord): void {
    this.current?.add(record);
  }
}
