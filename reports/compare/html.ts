import { htmlDocument } from '../html/document.ts';
import { escapeHtml } from '../html/escape.ts';
import { STATUS_WORDS } from '../statusWords.ts';
import type { Cell } from './cell.ts';
import type { Matrix, MatrixRow } from './matrix.ts';
import { CONFORMANCE_WORDS, rowNote, rowsSentence, runDate, totalsText } from './summary.ts';

/**
 * The matrix as one self-contained HTML page (the shared shell: no network, no script), each
 * cell coloured by its status with the shared `status-…` classes and always naming it in words.
 */
export function compareHtml(matrix: Matrix): string {
  const title = `Comparison: ${matrix.endpoints.map((e) => e.label).join(' · ')}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    endpointTable(matrix),
    ...matrix.warnings.map((w) => `<p class="warning">⚠️ ${escapeHtml(w)}</p>`),
    `<p>${escapeHtml(rowsSentence(matrix))}</p>`,
    matrixTable(matrix),
    `<p class="legend">A cell names the status the endpoint's report gives; <em>deviation</em> marks a failure its target documents as known; — means that report has no result for the pair.</p>`,
  ].join('\n');
  return htmlDocument({ title, body, style: STYLE });
}

function endpointTable(matrix: Matrix): string {
  const head = ['endpoint', 'target', 'suite', 'rule catalogue', 'date', 'seed', 'conformance', 'results'].map((h) => `<th>${h}</th>`).join('');
  const rows = matrix.endpoints.map((e) => {
    const cells = [e.label, e.target, e.suite, `v${e.ruleCatalogueVersion}`, runDate(e), String(e.seed), CONFORMANCE_WORDS[e.conformance], totalsText(e)];
    return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  return `<table class="endpoints"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function matrixTable(matrix: Matrix): string {
  const head = ['rule', 'action', ...matrix.endpoints.map((e) => e.label), 'note'].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = matrix.rows.map((row) => matrixRow(row, matrix));
  return `<table class="matrix"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function matrixRow(row: MatrixRow, matrix: Matrix): string {
  const mark = row.kind === 'differs' ? '<span class="differs-mark" title="the endpoints differ">≠</span> ' : '';
  const cells = row.cells.map(cellHtml).join('');
  return `<tr class="${row.kind}"><th scope="row">${mark}${escapeHtml(row.rule)}</th><td>${escapeHtml(row.action)}</td>${cells}<td class="note">${escapeHtml(rowNote(row, matrix))}</td></tr>`;
}

function cellHtml(cell: Cell | null): string {
  if (cell === null) return '<td class="not-run" title="not run">—</td>';
  const deviation = cell.deviation ? ' <span class="deviation">deviation</span>' : '';
  const title = cell.note === '' ? '' : ` title="${escapeHtml(cell.note)}"`;
  return `<td class="status-${cell.status}${cell.deviation ? ' documented' : ''}"${title}>${escapeHtml(STATUS_WORDS[cell.status])}${deviation}</td>`;
}

const STYLE = `.matrix thead th{position:sticky;top:0;background:#fff}
.matrix th,.matrix td:not(.note){white-space:nowrap}
.matrix td.note{min-width:20rem;font-size:.85em;color:#3f4752}
.endpoints td:nth-child(5){white-space:nowrap}
.matrix tr.differs th{border-left:4px solid #1b1f24}
.differs-mark{font-weight:bold}
.not-run{color:#8c959f;text-align:center}
.documented{outline:2px dashed currentColor;outline-offset:-4px}
.deviation{font-size:.8em;font-style:italic}
.warning{background:#fff1c2;color:#6b4e00;padding:.5rem;border-radius:4px}
.legend{font-size:.85em;color:#3f4752}`;
