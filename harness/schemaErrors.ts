import type { ErrorObject } from 'ajv';

/**
 * ajv's errors as one line a user can act on: each names the field (`field regions.1`) and, where
 * ajv knows it, the fix (the missing field, the unknown one, the allowed values).
 */
export function explainSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  // anyOf and if only say that a branch failed; the branch's own errors name the field.
  const problems = (errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if').map(explain);
  return [...new Set(problems)].join('; ');
}

function explain(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the top level' : `field ${error.instancePath.slice(1).replaceAll('/', '.')}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where} is missing "${String(params.missingProperty)}" (add it)`;
    case 'additionalProperties':
      return `${where} has unknown field "${String(params.additionalProperty)}" (remove it or fix its spelling)`;
    case 'enum':
      return `${where} must be one of ${JSON.stringify(params.allowedValues)}`;
    case 'not':
      return `${where} is not allowed here (an embedded target's emulator sets it; remove it)`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}
