import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendVerdictLine, VERDICTS_FILE, writeReports } from '../../reports/emit.ts';
import { toJson } from '../../reports/json.ts';
import { toJUnit } from '../../reports/junit.ts';
import { toHtml } from '../../reports/html/page.ts';
import { toMarkdown } from '../../reports/markdown.ts';
import { checkRunReport } from '../../reports/validate.ts';
import { failed, notApplicable, passed, sampleReport } from './fixtures/sampleReport.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ec2-idem-reports-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('writeReports', () => {
  it('creates the folder and writes exactly the four reports, as the writers render them', async () => {
    // Arrange
    const report = sampleReport();
    const dir = join(root, 'out', 'nested');
    // Act
    const paths = await writeReports(report, dir, { junit: { suiteName: 'nightly' } });
    // Assert
    expect(paths).toEqual({ json: join(dir, 'report.json'), junit: join(dir, 'junit.xml'), markdown: join(dir, 'summary.md'), html: join(dir, 'report.html') });
    expect((await readdir(dir)).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'summary.md']); // no temporary files left
    expect(await readFile(paths.json, 'utf8')).toBe(toJson(report));
    expect(await readFile(paths.junit, 'utf8')).toBe(toJUnit(report, { suiteName: 'nightly' }));
    expect(await readFile(paths.markdown, 'utf8')).toBe(toMarkdown(report));
    expect(await readFile(paths.html, 'utf8')).toBe(toHtml(report));
  });

  it('writes a report.json that reads back as a valid report equal to the model', async () => {
    const report = sampleReport();
    const { json } = await writeReports(report, root);
    const back = JSON.parse(await readFile(json, 'utf8'));
    expect(checkRunReport(back)).toEqual([]);
    expect(back).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('replaces the reports of an earlier run in the same folder', async () => {
    await writeReports(sampleReport([failed]), root);
    const { markdown } = await writeReports(sampleReport([passed]), root);
    expect(await readFile(markdown, 'utf8')).toMatch(/^# ✅ Conformant/);
  });
});

describe('appendVerdictLine', () => {
  it('appends one JSON line per result, so a crashed run still leaves its verdicts', async () => {
    const dir = join(root, 'out');
    const path = await appendVerdictLine(dir, passed);
    await appendVerdictLine(dir, failed);
    expect(path).toBe(join(dir, VERDICTS_FILE));
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe(''); // ends with a newline: a reader never sees half a line as the last one
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual(JSON.parse(JSON.stringify([passed, failed])));
  });

  it('keeps lines whole when results finish at the same time', async () => {
    const results = Array.from({ length: 50 }, (_, i) => ({ ...notApplicable, runs: i }));
    await Promise.all(results.map((result) => appendVerdictLine(root, result)));
    const lines = (await readFile(join(root, VERDICTS_FILE), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).runs).sort((a, b) => a - b)).toEqual(results.map((r) => r.runs));
  });
});
