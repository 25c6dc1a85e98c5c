import type { Conformance } from '../model.ts';
import type { Cell } from './cell.ts';
import type { Endpoint, Matrix, MatrixRow } from './matrix.ts';
import { plural } from '../plural.ts';

/** The run's verdict in words, for both renderings. */
export const CONFORMANCE_WORDS: Readonly<Record<Conformance, string>> = {
  conformant: 'conformant',
  'conformant-with-deviations': 'conformant with documented deviations',
  'not-conformant': 'not conformant',
  inconclusive: 'inconclusive',
  untested: 'untested',
};

/** An endpoint's totals in one line: `3 passed, 2 failed, 1 not applicable (2 documented deviations among them)`. */
export function totalsText(endpoint: Endpoint): string {
  const t = endpoint.totals;
  const parts = [`${t.passed} passed`];
  if (t.failed > 0) parts.push(`${t.failed} failed`);
  if (t.inconclusive > 0) parts.push(`${t.inconclusive} inconclusive`);
  if (t.errors > 0) parts.push(plural(t.errors, 'error'));
  if (t.notApplicable > 0) parts.push(`${t.notApplicable} not applicable`);
  if (t.skipped > 0) parts.push(`${t.skipped} skipped`);
  const line = parts.join(', ');
  return t.deviations > 0 ? `${line} (${plural(t.deviations, 'documented deviation')} among them)` : line;
}

/** The date of a run (its ISO start, to the day). */
export function runDate(endpoint: Endpoint): string {
  return endpoint.startedAt.slice(0, 10);
}

/** One sentence on the rows: how many differ, how many were not run by every endpoint. */
export function rowsSentence(matrix: Matrix): string {
  const count = (kind: string) => matrix.rows.filter((r) => r.kind === kind).length;
  const parts = [`The endpoints differ on ${count('differs')} of ${plural(matrix.rows.length, 'rule × action pair')} (listed first)`];
  const partial = count('partial');
  if (partial > 0) parts.push(`${partial} not run by every endpoint (listed last; — means not run)`);
  return `${parts.join('; ')}.`;
}

/** The longest note a cell contributes to a row, so that one long failure message cannot swamp the table. */
const NOTE_MAX = 160;

/**
 * The row's notes (documented reasons, failures, why a rule did not apply), each once, after the
 * endpoints that gave it: `moto: moto never looks a ClientToken up`.
 */
export function rowNote(row: MatrixRow, matrix: Matrix): string {
  const notes = new Map<string, string[]>();
  row.cells.forEach((cell: Cell | null, i) => {
    if (cell === null || cell.note === '') return;
    const note = shorten(cell.note.replace(/\s+/g, ' ').trim());
    notes.set(note, [...(notes.get(note) ?? []), matrix.endpoints[i]!.label]);
  });
  return [...notes].map(([note, labels]) => `${labels.join(', ')}: ${note}`).join(' · ');
}

function shorten(text: string): string {
  return text.length <= NOTE_MAX ? text : `${text.slice(0, NOTE_MAX - 1)}…`;
}
