import type { Outcome } from '../outcome.ts';
import { advise } from '../retry.ts';

/** One copy of a concurrent burst, as a Jepsen-style history entry: invoked, then ok, failed, or unknown. */
export interface BurstEntry {
  readonly copy: number;
  /** The copy's parameters, canonical (harness/model fingerprintOf). */
  readonly fingerprint: string;
  readonly outcome: Outcome;
  /** What an ok answer says it created. */
  readonly ids: readonly string[];
}

export type EntryResult = 'ok' | 'failed' | 'unknown';

/** `unknown`: no answer arrived (the request may or may not have run); only a read-back settles it. */
export function resultOf(outcome: Outcome): EntryResult {
  if (outcome.kind === 'ok') return 'ok';
  return outcome.kind === 'transport-failure' || outcome.kind === 'malformed' ? 'unknown' : 'failed';
}

export interface BurstCheck {
  /** Broken promises, one line each; empty when the history is a legal one. */
  readonly problems: string[];
  /** How the endpoint resolved the race (reported in the verdict's observations). */
  readonly behaviour: string;
  /** The parameters and resources of the copy that won, when some copy got an ok answer. */
  readonly winner?: { readonly fingerprint: string; readonly ids: readonly string[] };
}

const MISMATCH = 'IdempotentParameterMismatch';

/** In flight: the copy was told to come back later (5xx, throttling, `IncorrectState`). */
function inProgress(outcome: Outcome): boolean {
  return outcome.kind !== 'ok' && advise(outcome).kind === 'retry';
}

/**
 * Judges a burst of copies with one unused token after the fact, instead of asserting inline:
 * at most one create; every ok answer is the winner's answer and was sent with the winner's
 * parameters; a copy with other parameters got IdempotentParameterMismatch (HTTP 400) or was told
 * to retry; a copy with the winner's parameters got the winner's answer or was told to retry.
 * `alive` is what a read-back shows the token created, which settles copies whose answer was lost.
 */
export function checkBurst(entries: readonly BurstEntry[], alive: readonly string[]): BurstCheck {
  const problems: string[] = [];
  const oks = entries.filter((e) => e.outcome.kind === 'ok');
  const sets = new Map(oks.map((e) => [e.ids.join(','), e]));
  if (sets.size > 1) problems.push(`${entries.length} concurrent copies created ${sets.size} different sets of resources: ${[...sets.keys()].map((s) => `[${s}]`).join(' and ')}`);
  const winner = oks[0];
  for (const entry of oks) {
    if (winner && entry.fingerprint !== winner.fingerprint) problems.push(`copy ${entry.copy + 1}, sent with other parameters than copy ${winner.copy + 1}, also got a success: both requests were carried out`);
    if (entry.ids.length === 0) problems.push(`copy ${entry.copy + 1}: the create answered ${entry.outcome.kind === 'ok' ? entry.outcome.status : ''} but named nothing`);
  }
  for (const entry of entries.filter((e) => e.outcome.kind !== 'ok' && resultOf(e.outcome) === 'failed')) {
    const { outcome } = entry;
    const isMismatch = outcome.kind === 'ec2-error' && outcome.code === MISMATCH && outcome.status === 400;
    // With no success seen (the winner's answer was lost), any copy with other parameters than some other copy may have lost.
    const lost = winner !== undefined ? entry.fingerprint !== winner.fingerprint : entries.some((e) => e.fingerprint !== entry.fingerprint);
    if (inProgress(outcome) || (lost && isMismatch)) continue;
    const expected = lost ? `${MISMATCH} (HTTP 400) or a retryable answer` : `the winner's answer or a retryable answer`;
    const got = outcome.kind === 'ec2-error' ? `${outcome.status} ${outcome.code}` : outcome.kind;
    problems.push(`copy ${entry.copy + 1}${lost ? ' (other parameters)' : ''} was refused outright: expected ${expected}, got ${got}`);
  }
  // The copies whose answer was lost are settled by the read-back: it must show at most the winner's create.
  if (winner && alive.some((id) => !winner.ids.includes(id))) problems.push(`the read-back shows [${alive.join(', ')}], more than the winner's [${winner.ids.join(', ')}]`);
  const mixed = new Set(entries.map((e) => e.fingerprint)).size > 1;
  const waiting = entries.some((e) => inProgress(e.outcome));
  const behaviour = mixed ? (waiting ? 'mixed: in-progress' : 'mixed: one winner, mismatches') : waiting ? 'in-progress' : 'all-replay';
  return { problems, behaviour, ...(winner ? { winner: { fingerprint: winner.fingerprint, ids: winner.ids } } : {}) };
}
