import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HarnessError } from './errors.ts';

/** The first line of a ledger: enough to find the target again after a crash. */
export interface RunEntry {
  readonly t: 'run';
  readonly run: string;
  readonly at: string;
  readonly target: { readonly name: string; readonly regions: readonly { readonly name: string; readonly endpoint: string }[] };
  readonly actions: readonly string[];
  readonly targetFile?: string;
  /** The target was the embedded emulator: it kept its tokens only while the run lasted. */
  readonly embedded?: boolean;
}

/** Written before a create is sent: if the run dies now, cleanup still knows what to look for. */
export interface IntentEntry {
  readonly t: 'intent';
  readonly run: string;
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly region: string;
  readonly identity: string;
  readonly case: string;
  readonly token: string | null;
}

/** Written after the create's answer: what it created (ids), or that it did not. */
export interface OutcomeEntry {
  readonly t: 'outcome';
  readonly run: string;
  readonly id: number;
  readonly at: string;
  readonly result: string;
  readonly ids: readonly string[];
}

/** Written when resources were deleted. */
export interface DeletedEntry {
  readonly t: 'deleted';
  readonly run: string;
  readonly at: string;
  readonly action: string;
  readonly region: string;
  readonly identity: string;
  readonly ids: readonly string[];
}

/**
 * A token the run's RETENTION rule replayed at its end, with everything a later recheck needs to
 * send it again and judge the answer (`ec2-idem recheck`): the call, where, as whom, and the first answer.
 */
export interface RetainEntry {
  readonly t: 'retain';
  readonly run: string;
  readonly at: string;
  readonly action: string;
  readonly region: string;
  readonly identity: string;
  readonly context: { readonly runId: string; readonly testId: string; readonly caseId: string };
  readonly call: { readonly action: string; readonly params: Readonly<Record<string, unknown>> };
  /** When the token was first bound (ISO date). */
  readonly boundAt: string;
  readonly resources: readonly string[];
  readonly deleted: boolean;
  readonly answer: unknown;
}

export type LedgerEntry = RunEntry | IntentEntry | OutcomeEntry | DeletedEntry | RetainEntry;

/**
 * An append-only JSONL journal of every create a run attempts. Lines are written synchronously
 * (one write each), so an intent is on disk before its request leaves and a SIGKILL loses nothing
 * that was sent. Several runs may share a file; every line names its run.
 */
export class Ledger {
  private serial = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
  }

  begin(entry: Omit<RunEntry, 't' | 'at'>): void {
    this.append({ t: 'run', at: new Date().toISOString(), ...entry });
  }

  intent(entry: Omit<IntentEntry, 't' | 'at' | 'id'>): number {
    this.serial += 1;
    this.append({ t: 'intent', id: this.serial, at: new Date().toISOString(), ...entry });
    return this.serial;
  }

  outcome(entry: Omit<OutcomeEntry, 't' | 'at'>): void {
    this.append({ t: 'outcome', at: new Date().toISOString(), ...entry });
  }

  deleted(entry: Omit<DeletedEntry, 't' | 'at'>): void {
    if (entry.ids.length > 0) this.append({ t: 'deleted', at: new Date().toISOString(), ...entry });
  }

  retained(entry: Omit<RetainEntry, 't' | 'at'>): void {
    this.append({ t: 'retain', at: new Date().toISOString(), ...entry });
  }

  private append(entry: LedgerEntry): void {
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`, 'utf8');
  }
}

/** Reads a ledger; a torn last line (the writer was killed mid-write) is skipped, not fatal. */
export function readLedger(path: string): LedgerEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new HarnessError('EC2IDEM_LEDGER', `ledger ${path} cannot be read (${(cause as Error).message})`, { cause });
  }
  const entries: LedgerEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as LedgerEntry);
    } catch {
      // A partial line from a killed writer: nothing after it was sent.
    }
  }
  return entries;
}
