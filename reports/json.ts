import type { RunReport } from './model.ts';

/**
 * report.json: the model as is, so that it validates against run-report.schema.json. Two-space
 * indentation and a final newline keep it diff-friendly when reports are committed or compared.
 */
export function toJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
