import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { encodingVariant } from '../../generators/encodingVariant.ts';
import { encode, type Call } from '../../harness/encode.ts';

const call: Call = {
  action: 'RunInstances',
  params: { ImageId: 'ami-1', MinCount: 1, MaxCount: 2, ClientToken: ' a&b=c ', TagSpecification: [{ ResourceType: 'instance', Tag: [{ Key: 'k', Value: 'v' }] }] },
};
const sorted = (pairs: readonly (readonly [string, string])[]) => pairs.map(([k, v]) => `${k}=${v}`).sort();

describe('encodingVariant', () => {
  test.prop([encodingVariant()])('fields stay in their documented ranges', (variant) => {
    expect(['POST', 'GET']).toContain(variant.method);
    expect(variant.order.length).toBeGreaterThanOrEqual(1);
    expect(variant.order.length).toBeLessThanOrEqual(12);
    for (const rank of variant.order) expect(Number.isInteger(rank) && rank >= -20 && rank <= 20).toBe(true);
    expect(variant.signedSecondsAgo).toBeGreaterThanOrEqual(0);
    expect(variant.signedSecondsAgo).toBeLessThanOrEqual(300);
    expect(typeof variant.payloadHashHeader).toBe('boolean');
  });

  test.prop([encodingVariant({ maxSignatureAgeSeconds: 5 })])('maxSignatureAgeSeconds bounds the signature age', (variant) => {
    expect(variant.signedSecondsAgo).toBeLessThanOrEqual(5);
  });

  test.prop([encodingVariant()])('re-encoding with a variant sends the same parameters, only in another order', (variant) => {
    const canonical = encode(call);
    const varied = encode(call, { method: variant.method, order: variant.order });
    expect(varied.method).toBe(variant.method);
    expect(sorted(varied.pairs)).toEqual(sorted(canonical.pairs));
  });

  it('draws both methods, both hash settings and reorderings that move Action', () => {
    const sample = fc.sample(encodingVariant(), { seed: 42, numRuns: 200 });
    expect(new Set(sample.map((v) => v.method))).toEqual(new Set(['POST', 'GET']));
    expect(new Set(sample.map((v) => v.payloadHashHeader))).toEqual(new Set([true, false]));
    expect(sample.some((v) => encode(call, { order: v.order }).pairs[0]?.[0] !== 'Action')).toBe(true);
  });
});
