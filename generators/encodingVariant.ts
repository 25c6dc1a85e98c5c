import fc from 'fast-check';

/** One way to put the same request on the wire: none of these may change what it means. */
export interface EncodingVariant {
  readonly method: 'POST' | 'GET';
  /** Ranks that reorder the parameters (see harness/encode.ts). */
  readonly order: readonly number[];
  /** Signed this many seconds before now (a later re-signing of an earlier request). */
  readonly signedSecondsAgo: number;
  /** Whether the payload hash is signed and sent, as the AWS SDKs do. */
  readonly payloadHashHeader: boolean;
}

/** Constraints of {@link encodingVariant}. */
export interface EncodingVariantConstraints {
  /** Signatures older than this are not generated (EC2 refuses requests more than 15 min off). @defaultValue 300 */
  readonly maxSignatureAgeSeconds?: number;
}

export function encodingVariant(constraints: EncodingVariantConstraints = {}): fc.Arbitrary<EncodingVariant> {
  return fc.record({
    method: fc.constantFrom('POST' as const, 'GET' as const),
    order: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 12 }),
    signedSecondsAgo: fc.integer({ min: 0, max: constraints.maxSignatureAgeSeconds ?? 300 }),
    payloadHashHeader: fc.boolean(),
  });
}
