import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareHtml } from '../../reports/compare/html.ts';
import { CompareInputError, loadReport } from '../../reports/compare/load.ts';
import { compareMarkdown } from '../../reports/compare/markdown.ts';
import { buildMatrix } from '../../reports/compare/matrix.ts';

const USAGE = `Usage: ec2-idem compare REPORT REPORT... [--label NAME]... [--format md|html] [--out DIR]

Puts the runs of several endpoints side by side (the emulator, moto, a vendor): one row per
rule × action, one column per endpoint, each cell the status that endpoint's report gives it
("deviation" when its target documents the failure, — when it did not run the pair). Rows where
the endpoints differ come first. Above the matrix, each report's target, suite and rule
catalogue versions, date, seed and verdict; a warning when the versions differ.

A REPORT is a report.json, or a directory holding one (a --report-dir, a certification bundle).
Every report is checked against reports/run-report.schema.json first.

  --label NAME     the column name of the next REPORT, in order (default: its target name)
  --format FORMAT  md (default) or html: what is printed, or with --out the one file written
  --out DIR        write DIR/compare.md and DIR/compare.html instead of printing
  --help           show this help

Exit: 0 the matrix was written; 2 usage, or a report that cannot be read or is not valid.
`;

const OPTIONS = {
  label: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean' },
} as const;

const FORMATS = ['md', 'html'] as const;
type Format = (typeof FORMATS)[number];

export async function compareCommand(argv: string[]): Promise<number> {
  let values: { label?: string[]; format?: string; out?: string; help?: boolean };
  let inputs: string[];
  try {
    ({ values, positionals: inputs } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    return usageError(`${(error as Error).message} (ec2-idem compare --help lists the options)`);
  }
  if (values.help) return (process.stdout.write(USAGE), 0);
  if (inputs.length < 2) return usageError(`give at least two reports to compare (got ${inputs.length})`);
  const labels = values.label ?? [];
  if (labels.length > inputs.length) return usageError(`${labels.length} --label for ${inputs.length} reports: one per report at most`);
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) return usageError(`--format must be md or html, not "${values.format}"`);
  const format = values.format as Format | undefined;

  const reports = [];
  for (const input of inputs) {
    try {
      reports.push((await loadReport(input)).report);
    } catch (error) {
      if (error instanceof CompareInputError) return usageError(error.message);
      throw error;
    }
  }
  const matrix = buildMatrix(reports, labels);
  for (const warning of matrix.warnings) process.stderr.write(`ec2-idem compare: warning: ${warning}\n`);

  if (values.out === undefined) {
    process.stdout.write(format === 'html' ? compareHtml(matrix) : compareMarkdown(matrix));
    return 0;
  }
  await mkdir(values.out, { recursive: true });
  const written: string[] = [];
  if (format !== 'html') written.push(await write(join(values.out, 'compare.md'), compareMarkdown(matrix)));
  if (format !== 'md') written.push(await write(join(values.out, 'compare.html'), compareHtml(matrix)));
  process.stdout.write(`compare: ${written.join(', ')}\n`);
  return 0;
}

async function write(file: string, text: string): Promise<string> {
  await writeFile(file, text);
  return file;
}

function usageError(message: string): number {
  process.stderr.write(`ec2-idem compare: ${message}\n`);
  return 2;
}
