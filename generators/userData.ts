import fc from 'fast-check';
import { printableChar } from './_internals/ascii.ts';

/** UserData as EC2 wants it: base64 of a short script. */
export function userData(): fc.Arbitrary<string> {
  return fc
    .string({ unit: printableChar(), minLength: 1, maxLength: 48 })
    .map((script) => Buffer.from(`#!/bin/sh\n${script}\n`).toString('base64'));
}
