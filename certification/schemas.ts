import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { explainSchemaErrors } from '../harness/schemaErrors.ts';
import type { Certificate } from './certificate.ts';
import certificateSchema from './certificate.schema.json' with { type: 'json' };
import type { Product } from './product.ts';
import productSchema from './product.schema.json' with { type: 'json' };

const addFormats = addFormatsModule.default;

// Compiled once, strict: a typo in a schema fails at load time instead of passing every file.
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateProduct = ajv.compile<Product>(productSchema);
const validateCertificate = ajv.compile<Certificate>(certificateSchema);

function problems<T>(validate: ValidateFunction<T>, value: unknown): string[] {
  return validate(value) ? [] : [explainSchemaErrors(validate.errors)];
}

/** Problems of a product.json against product.schema.json; empty when valid. */
export function checkProduct(value: unknown): string[] {
  return problems(validateProduct, value);
}

/** Problems of a certificate.json against certificate.schema.json; empty when valid. */
export function checkCertificate(value: unknown): string[] {
  return problems(validateCertificate, value);
}
