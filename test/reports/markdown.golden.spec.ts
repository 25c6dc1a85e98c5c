import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../reports/build.ts';
import { toMarkdown } from '../../reports/markdown.ts';
import { hostile } from './fixtures/hostile.ts';
import { deviation, failed, notApplicable, passed, sampleReport } from './fixtures/sampleReport.ts';

describe('toMarkdown', () => {
  it('matches the golden file for the sample report', async () => {
    await expect(toMarkdown(sampleReport())).toMatchFileSnapshot('__snapshots__/sample.summary.md');
  });

  it.each([
    [[passed, notApplicable], '# ✅ Conformant: moto'],
    [[passed, deviation], '# ⚠️ Conformant with documented deviations: moto'],
    [[passed, failed], '# ❌ Not conformant: moto'],
  ])('starts with the verdict', (results, heading) => {
    expect(toMarkdown(sampleReport(results)).split('\n')[0]).toBe(heading);
  });

  it('makes a leak impossible to miss', () => {
    const report = buildRunReport({ ...sampleReport([passed]), results: [passed], resourcesLeftBehind: 3 });
    const markdown = toMarkdown(report);
    expect(markdown.split('\n')[0]).toBe('# ❌ Not conformant: moto');
    expect(markdown).toContain('❗ **3 resources left behind**');
  });

  it('shows undocumented failures before documented deviations', () => {
    const markdown = toMarkdown(sampleReport());
    expect(markdown.indexOf('## ❌ LOST-RESPONSE')).toBeGreaterThan(0);
    expect(markdown.indexOf('## ❌ LOST-RESPONSE')).toBeLessThan(markdown.indexOf('## ⚠️ TOKEN-FORMAT'));
  });

  it('keeps hostile text inside its table cell and its code blocks', () => {
    // Act
    const markdown = toMarkdown(sampleReport([hostile, passed]));
    const lines = markdown.split('\n');
    // Assert: each table row still has 8 unescaped pipes (7 cells)
    const rows = lines.filter((line) => line.startsWith('| LOST-RESPONSE') || line.startsWith('| SAME-RESPONSE'));
    expect(rows.map((row) => row.match(/(?<!\\)\|/g)?.length)).toEqual([8, 8]);
    // the input's own ``` cannot close its block: the fence is longer
    expect(markdown).toContain('````text\n{ token:');
    expect(markdown).toContain('Replay: `` npx ec2-idem run --seed 7 --path 0 # `quoted` ``');
    // no raw HTML from the endpoint outside code, no invisible characters anywhere
    expect(rows[1]).not.toContain('<');
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(markdown).toContain('\\u0001');
  });

  it('explains a failure without a counterexample (a crash) by its reason', () => {
    const crashed = { ...passed, status: 'failed', reason: 'crashed before producing a verdict: socket hang up' } as const;
    const markdown = toMarkdown(sampleReport([crashed]));
    expect(markdown).toContain('**crashed before producing a verdict: socket hang up**');
    expect(markdown).not.toContain('<details>');
  });

  it('cuts long bodies to maxBodyChars and says where the rest is', () => {
    const markdown = toMarkdown(sampleReport([failed]), { maxBodyChars: 40 });
    expect(markdown).toContain('more characters in report.json)');
  });
});
