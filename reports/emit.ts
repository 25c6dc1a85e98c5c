import { appendFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toHtml, type HtmlReportOptions } from './html/page.ts';
import { toJson } from './json.ts';
import { toJUnit, type JUnitOptions } from './junit.ts';
import { toMarkdown, type MarkdownOptions } from './markdown.ts';
import type { RuleResult, RunReport } from './model.ts';

/** Options passed through to the writers. */
export interface WriteReportsOptions {
  /** @defaultValue {} (the writer's own defaults) */
  readonly junit?: JUnitOptions;
  /** @defaultValue {} (the writer's own defaults) */
  readonly markdown?: MarkdownOptions;
  /** @defaultValue {} (the writer's own defaults) */
  readonly html?: HtmlReportOptions;
}

/** Where each report went, so the CLI can print the paths. */
export interface ReportPaths {
  readonly json: string;
  readonly junit: string;
  readonly markdown: string;
  readonly html: string;
}

export const VERDICTS_FILE = 'verdicts.jsonl';

/** Writes report.json, junit.xml, summary.md and report.html into `dir`, creating it if needed. */
export async function writeReports(report: RunReport, dir: string, options: WriteReportsOptions = {}): Promise<ReportPaths> {
  await mkdir(dir, { recursive: true });
  const paths: ReportPaths = {
    json: join(dir, 'report.json'),
    junit: join(dir, 'junit.xml'),
    markdown: join(dir, 'summary.md'),
    html: join(dir, 'report.html'),
  };
  // Render everything before writing anything: a writer bug must not leave a half-updated folder.
  const contents = [toJson(report), toJUnit(report, options.junit), toMarkdown(report, options.markdown), toHtml(report, options.html)];
  await Promise.all([paths.json, paths.junit, paths.markdown, paths.html].map((path, i) => writeAtomically(path, contents[i] ?? '')));
  return paths;
}

/**
 * Appends one finished rule × action to `dir/verdicts.jsonl`, as it finishes. If the run dies
 * before the final report, these lines are what is left to read (test262-harness's JSON reporter
 * streams the same way). Returns the file's path.
 */
export async function appendVerdictLine(dir: string, result: RuleResult): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, VERDICTS_FILE);
  // One write per line with O_APPEND: concurrent appends never interleave within a line.
  await appendFile(path, `${JSON.stringify(result)}\n`, 'utf8');
  return path;
}

/** A reader (a CI upload, an editor) never sees a truncated report: write aside, then rename. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}
