import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { RULE_IDS } from '../specs/ruleIds.ts';
import type { RunReport } from './model.ts';
import schema from './run-report.schema.json' with { type: 'json' };

const addFormats = addFormatsModule.default;

// Compiled once, on first use (the run needs it only at its end); strict mode makes a schema
// typo fail at compile time, not pass every report.
let compiled: ValidateFunction<RunReport> | undefined;
function validator(): ValidateFunction<RunReport> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return (compiled = ajv.compile<RunReport>(schema));
}

/**
 * Checks a report (one being written, or a report.json read back) against run-report.schema.json.
 * Verdicts cross a worker boundary as JSON, so a spec-worker bug shows up here, not in a writer.
 * Returns one message per problem, naming the JSON path (`/rules/2/status: must be equal to one
 * of …`); an empty list means valid.
 */
export function checkRunReport(report: unknown): string[] {
  const validate = validator();
  if (validate(report)) return unknownRules(report);
  return (validate.errors ?? []).map(describe);
}

/** The schema admits any id shaped like one; an id must be a built-in rule's or a listed plugin's. */
function unknownRules(report: RunReport): string[] {
  const known = new Set<string>([...RULE_IDS, ...(report.plugins ?? []).flatMap((p) => p.rules)]);
  return report.rules.flatMap((r, index) => (known.has(r.rule) ? [] : [`/rules/${index}/rule: ${r.rule} is neither a built-in rule nor a rule of a plugin in /plugins`]));
}

/** ajv's message plus the one parameter a reader needs to fix it (allowed values, the extra property). */
function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(report)' : error.instancePath;
  const params = error.params as { allowedValues?: unknown; allowedValue?: unknown; additionalProperty?: string };
  let detail = '';
  if (error.keyword === 'enum') detail = ` ${JSON.stringify(params.allowedValues)}`;
  if (error.keyword === 'const') detail = ` ${JSON.stringify(params.allowedValue)}`;
  if (error.keyword === 'additionalProperties') detail = ` '${params.additionalProperty}'`;
  return `${where}: ${error.message ?? error.keyword}${detail}`;
}
