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

/**
 * Sees every attempt a session sends, in a case or not, with the number of the case that was open
 * when it was sent (0: before the first). A run-wide evidence writer hangs here.
 */
export type AttemptTap = (record: AttemptRecord, caseNumber: number) => void;

/** Receives attempts from the recorder interceptor; the owner points it at the current transcript. */
export class TranscriptSink {
  current: Transcript | undefined;
  /** @defaultValue none */
  tap: AttemptTap | undefined;
  /** Cases begun so far (each {@link begin} is one). */
  caseNumber = 0;

  /** Starts the next case's transcript and makes it current. */
  begin(): Transcript {
    this.caseNumber += 1;
    this.current = new Transcript();
    return this.current;
  }

  add(record: AttemptRecord): void {
    this.destination()?.(record);
  }

  /**
   * Where an attempt sent now must be filed, fixed when it is sent: its answer may arrive after its
   * case ended. Undefined when nothing listens (no transcript open, no tap).
   */
  destination(): ((record: AttemptRecord) => void) | undefined {
    const { current: transcript, tap, caseNumber } = this;
    if (transcript === undefined && tap === undefined) return undefined;
    return (record) => {
      transcript?.add(record);
      tap?.(record, caseNumber);
    };
  }
}
