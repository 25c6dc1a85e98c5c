import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { HarnessError } from '../harness/errors.ts';
import { explainSchemaErrors } from '../harness/schemaErrors.ts';
import type { Expectations } from '../reports/expectations.ts';
import schema from '../reports/expectations.schema.json' with { type: 'json' };
import { isRuleId } from '../specs/ruleIds.ts';

const validate = new Ajv({ allErrors: true, strict: true }).compile<Expectations>(schema);

/** Reads and checks an expectations file; every problem names the file and the entry. */
export async function loadExpectations(path: string): Promise<Expectations> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new HarnessError('EC2IDEM_TARGET_INVALID', `expectations file ${path} cannot be read as JSON (${(cause as Error).message})`, { cause });
  }
  if (!validate(parsed)) {
    throw new HarnessError('EC2IDEM_TARGET_INVALID', `expectations file ${path}: ${explainSchemaErrors(validate.errors)}`);
  }
  const unknown = parsed.deviations.filter((d) => !isRuleId(d.rule)).map((d) => d.rule);
  if (unknown.length > 0) throw new HarnessError('EC2IDEM_TARGET_INVALID', `expectations file ${path}: unknown rule id(s) ${unknown.join(', ')}`);
  parsed.deviations.forEach((deviation, index) => {
    try {
      new RegExp(deviation.message);
    } catch (cause) {
      throw new HarnessError('EC2IDEM_TARGET_INVALID', `expectations file ${path}: /deviations/${index}/message is not a regular expression (${(cause as Error).message}); escape special characters such as ( [ . *`, { cause });
    }
  });
  return parsed;
}
