import { closeSync, openSync, writeSync } from 'node:fs';
import type { EvidenceLine, EvidenceSink } from '../harness/evidence.ts';
import { scrub } from '../harness/redact.ts';

/** Flush to disk once this much is waiting: memory stays bounded however long the run. */
const FLUSH_BYTES = 64 * 1024;

/**
 * evidence.jsonl: one JSON line per attempt, in the order attempts ended, with the rule, action and
 * case that sent it. Lines are batched and appended synchronously (an attempt ends inside an undici
 * callback, which cannot wait), so at most {@link FLUSH_BYTES} are ever held. Secrets are scrubbed
 * from each line before it is kept: the run's signing keys, and `secrets` given here.
 */
export class EvidenceWriter implements EvidenceSink {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private closed = false;
  /** Lines written. */
  lines = 0;
  /** Attempts that ended after the writer was closed: not in the file (a notice says how many). */
  late = 0;

  constructor(
    readonly path: string,
    private readonly secrets: readonly string[] = [],
  ) {
    this.fd = openSync(path, 'wx');
  }

  add(line: EvidenceLine, secrets: readonly string[]): void {
    if (this.closed) {
      this.late += 1;
      return;
    }
    const text = `${scrub(JSON.stringify(line), [...secrets, ...this.secrets])}\n`;
    this.pending.push(text);
    this.pendingBytes += text.length;
    this.lines += 1;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  /** Writes what is waiting. */
  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Flushes and closes; later attempts are counted in {@link late}, never written. */
  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
