import { describe, expect, it } from 'vitest';
import { compareHtml } from '../../reports/compare/html.ts';
import { compareMarkdown } from '../../reports/compare/markdown.ts';
import { buildMatrix } from '../../reports/compare/matrix.ts';
import { reportOf } from './fixtures/compareReports.ts';

const HOSTILE = `<script>alert("x")</script> & 'co' | *vendor*`;

const emulator = reportOf('emulator', [
  { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'passed' },
  { rule: 'DRYRUN', action: 'RunInstances', status: 'passed' },
  { rule: 'HISTORY', action: 'CreateVolume', status: 'passed' },
]);
const vendor = reportOf(
  HOSTILE,
  [
    { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed', documented: 'replays <launch> again | known' },
    { rule: 'DRYRUN', action: 'RunInstances', status: 'passed' },
  ],
  { seed: 1234 },
);
const matrix = buildMatrix([emulator, vendor]);

describe('compareMarkdown', () => {
  it('lists the endpoints, then the matrix with differing rows first, — for a pair not run and the notes', () => {
    const md = compareMarkdown(buildMatrix([emulator, vendor], ['emulator', 'vendor']));
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Comparison: emulator · vendor');
    expect(md).toContain('| endpoint | target | suite | rule catalogue | date | seed | conformance | results |');
    expect(md).toMatch(/\| vendor \| .* \| ec2-idempotency-conformance 0\.1\.0 \| v\d+ \| 2026-12-01 \| `1234` \| \*\*conformant with documented deviations\*\* \| 1 passed, 1 failed \(1 documented deviation among them\) \|/);
    expect(md).toContain('The endpoints differ on 1 of 3 rule × action pairs (listed first); 1 not run by every endpoint (listed last; — means not run).');
    const table = lines.slice(lines.indexOf('| ≠ | rule | action | emulator | vendor | note |'));
    expect(table.slice(2, 5)).toEqual([
      '| ≠ | SAME-RESPONSE | RunInstances | ✅ passed | ⚠️ deviation (failed) | vendor: replays &lt;launch&gt; again \\| known |',
      '|  | DRYRUN | RunInstances | ✅ passed | ✅ passed |  |',
      '|  | HISTORY | CreateVolume | ✅ passed | — |  |',
    ]);
  });

  it('escapes target names, and leaves the title out when the matrix goes into another page', () => {
    const md = compareMarkdown(matrix, { title: false });
    expect(md.startsWith('| endpoint |')).toBe(true);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'co\' \\| \\*vendor\\*');
  });

  it('quotes the version warnings', () => {
    const other = { ...vendor, tool: { ...vendor.tool, ruleCatalogueVersion: vendor.tool.ruleCatalogueVersion + 1 } };
    expect(compareMarkdown(buildMatrix([emulator, other], ['emulator', 'vendor']))).toMatch(/\n> ⚠️ The reports were judged against different rule catalogues \(emulator: v\d+, vendor: v\d+\)/);
  });
});

describe('compareHtml', () => {
  const html = compareHtml(matrix);

  it('is one self-contained page: no external script, style, font or image', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
  });

  it('escapes target names and notes everywhere they appear', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; | *vendor*');
    expect(html).toContain('<title>Comparison: emulator · &lt;script&gt;');
    expect(html).toContain('replays &lt;launch&gt; again | known');
  });

  it('colours each cell with the shared status classes, names the status in words, and marks deviations and pairs not run', () => {
    expect(html).toContain('.status-passed{background:');
    const rows = html.split('\n').filter((l) => l.startsWith('<tr class="'));
    expect(rows.map((r) => r.slice(0, r.indexOf('>') + 1))).toEqual(['<tr class="differs">', '<tr class="same">', '<tr class="partial">']);
    expect(rows[0]).toContain('<td class="status-passed">passed</td><td class="status-failed documented" title="replays &lt;launch&gt; again | known">failed <span class="deviation">deviation</span></td>');
    expect(rows[2]).toContain('<td class="not-run" title="not run">—</td>');
  });
});
