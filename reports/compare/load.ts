import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunReport } from '../model.ts';
import { checkRunReport } from '../validate.ts';

/** One report to compare, as read from disk and checked against run-report.schema.json. */
export interface LoadedReport {
  /** The report.json actually read (a directory argument resolves to its report.json). */
  readonly file: string;
  readonly report: RunReport;
}

/** An input that cannot be compared: the message names the file and, for a bad report, the field. */
export class CompareInputError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'CompareInputError';
  }
}

/** How many schema problems an error lists before it says how many more there are. */
const MAX_PROBLEMS = 5;

/**
 * Reads one input: a report.json, or a directory holding one (a `--report-dir` or a certification
 * bundle). Throws a {@link CompareInputError} when it is missing, not JSON or not a valid report.
 */
export async function loadReport(input: string): Promise<LoadedReport> {
  const file = await reportFile(input);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CompareInputError(file, `cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CompareInputError(file, `is not JSON (${(error as Error).message})`);
  }
  const problems = checkRunReport(json);
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `\n  ${p}`).join('');
    const more = problems.length > MAX_PROBLEMS ? `\n  … and ${problems.length - MAX_PROBLEMS} more` : '';
    throw new CompareInputError(file, `is not a valid run report (reports/run-report.schema.json):${shown}${more}`);
  }
  return { file, report: json as RunReport };
}

/** The report.json an input names: the path itself, or `report.json` inside a directory. */
async function reportFile(input: string): Promise<string> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(input)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CompareInputError(input, code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${(error as Error).message})`);
  }
  if (!isDirectory) return input;
  const file = join(input, 'report.json');
  try {
    await stat(file);
  } catch {
    throw new CompareInputError(input, 'is a directory without a report.json (give a report.json, a report directory or a certification bundle)');
  }
  return file;
}
