import { codeSpan, mdText } from '../markdownText.ts';
import { cellText } from './cell.ts';
import type { Matrix } from './matrix.ts';
import { CONFORMANCE_WORDS, rowNote, rowsSentence, runDate, totalsText } from './summary.ts';

export interface CompareMarkdownOptions {
  /** Start with a `#` title (a standalone compare.md); off when the matrix goes inside another page (the README). */
  readonly title?: boolean;
}

/** The matrix as Markdown: the endpoints and their runs, any warnings, then one row per rule × action. */
export function compareMarkdown(matrix: Matrix, options: CompareMarkdownOptions = {}): string {
  const blocks: string[] = [];
  if (options.title ?? true) blocks.push(`# Comparison: ${matrix.endpoints.map((e) => mdText(e.label)).join(' · ')}`);
  blocks.push(endpointTable(matrix));
  if (matrix.warnings.length > 0) blocks.push(matrix.warnings.map((w) => `> ⚠️ ${mdText(w)}`).join('\n>\n'));
  blocks.push(rowsSentence(matrix));
  blocks.push(matrixTable(matrix));
  return `${blocks.join('\n\n')}\n`;
}

function endpointTable(matrix: Matrix): string {
  const lines = ['| endpoint | target | suite | rule catalogue | date | seed | conformance | results |', '|---|---|---|--:|---|--:|---|---|'];
  for (const e of matrix.endpoints) {
    const cells = [mdText(e.label), mdText(e.target), mdText(e.suite), `v${e.ruleCatalogueVersion}`, runDate(e), codeSpan(String(e.seed)), `**${CONFORMANCE_WORDS[e.conformance]}**`, totalsText(e)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function matrixTable(matrix: Matrix): string {
  const header = ['≠', 'rule', 'action', ...matrix.endpoints.map((e) => mdText(e.label)), 'note'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of matrix.rows) {
    const cells = [row.kind === 'differs' ? '≠' : '', row.rule, mdText(row.action), ...row.cells.map(cellText), mdText(rowNote(row, matrix))];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
