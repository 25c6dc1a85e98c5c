import { describe, expect, it } from 'vitest';
import { afterDelete, fingerprintOf, PromiseModel, type TokenScope } from '../../../harness/model/promiseModel.ts';
import type { Ok } from '../../../harness/outcome.ts';

const answer = (id: string): Ok => ({ kind: 'ok', status: 200, root: 'RunInstancesResponse', requestId: 'r', body: { instancesSet: { item: [{ instanceId: id }] } } });
const scope = (over: Partial<TokenScope> = {}): TokenScope => ({ account: 'primary', region: 'us-east-1', action: 'RunInstances', token: 'T', ...over });
const A = fingerprintOf('RunInstances', { ImageId: 'ami-1', InstanceType: 't3.micro' });
const B = fingerprintOf('RunInstances', { ImageId: 'ami-1', InstanceType: 't3.small' });

describe('PromiseModel', () => {
  it('an unknown token creates; its first success binds it; the same request replays, another mismatches', () => {
    const model = new PromiseModel<null>('seed');
    expect(model.expect(scope(), A)).toEqual({ kind: 'create' });
    const binding = model.bind(scope(), A, ['i-1'], answer('i-1'), 1000, null);
    expect(model.expect(scope(), A)).toEqual({ kind: 'replay', binding });
    expect(model.expect(scope(), B)).toEqual({ kind: 'mismatch', binding, codes: ['IdempotentParameterMismatch'] });
    expect(model.byToken(scope())).toEqual(['i-1']);
  });

  it('a later success does not rebind: the first request stays what the token means', () => {
    const model = new PromiseModel<null>('seed');
    const first = model.bind(scope(), A, ['i-1'], answer('i-1'), 1000, null);
    expect(model.bind(scope(), B, ['i-2'], answer('i-2'), 2000, null)).toBe(first);
    expect(model.expect(scope(), B).kind).toBe('mismatch');
  });

  it('tokens are scoped by account, region and action, and compared case-sensitively', () => {
    const model = new PromiseModel<null>('seed');
    model.bind(scope(), A, ['i-1'], answer('i-1'), 1000, null);
    for (const other of [scope({ account: 'secondary' }), scope({ region: 'us-west-2' }), scope({ action: 'CreateLaunchTemplate' }), scope({ token: 't' })]) {
      expect(model.expect(other, A)).toEqual({ kind: 'create' });
    }
  });

  it('a dry run binds nothing and is always a dry run', () => {
    const model = new PromiseModel<null>('seed');
    expect(model.expect(scope(), A, { dryRun: true })).toEqual({ kind: 'dry-run' });
    model.bind(scope(), A, ['i-1'], answer('i-1'), 1000, null);
    expect(model.expect(scope(), B, { dryRun: true })).toEqual({ kind: 'dry-run' });
  });

  it('after a delete: the same request may replay or refuse per profile; another request is still refused', () => {
    const model = new PromiseModel<null>('aws-current');
    model.bind(scope(), A, ['i-1', 'i-2'], answer('i-1'), 1000, null);
    model.deleted(['i-2']);
    expect(model.expect(scope(), A)).toMatchObject({ kind: 'replay-after-delete', mayReplay: false, mayRefuse: true, codes: ['IdempotentInstanceTerminated'] });
    expect(model.expect(scope(), B)).toMatchObject({ kind: 'mismatch', codes: ['IdempotentParameterMismatch', 'IdempotentInstanceTerminated'] });
    expect(model.all().map((b) => b.deleted)).toEqual([true]);
  });

  it.each([
    ['seed', 'RunInstances', { mayReplay: true, mayRefuse: true, codes: ['IdempotentInstanceTerminated'] }],
    ['aws-current', 'RunInstances', { mayReplay: false, mayRefuse: true, codes: ['IdempotentInstanceTerminated'] }],
    ['strict', 'RunInstances', { mayReplay: true, mayRefuse: false, codes: undefined }],
    ['seed', 'CreateLaunchTemplate', { mayReplay: true, mayRefuse: true, codes: undefined }],
    ['strict', 'CreateLaunchTemplate', { mayReplay: true, mayRefuse: false, codes: undefined }],
  ] as const)('afterDelete(%s, %s)', (profile, action, expected) => {
    expect(afterDelete(profile, action)).toEqual(expected);
  });

  it('lists bindings oldest first', () => {
    const model = new PromiseModel<string>('seed');
    model.bind(scope({ token: 'late' }), A, ['i-2'], answer('i-2'), 2000, 'second');
    model.bind(scope({ token: 'early' }), A, ['i-1'], answer('i-1'), 1000, 'first');
    expect(model.all().map((b) => b.request)).toEqual(['first', 'second']);
  });
});

describe('fingerprintOf', () => {
  it('ignores key order and absent values, not values or list order', () => {
    expect(fingerprintOf('X', { a: 1, b: [1, 2], c: undefined })).toBe(fingerprintOf('X', { b: [1, 2], a: 1 }));
    expect(fingerprintOf('X', { a: 1, b: [2, 1] })).not.toBe(fingerprintOf('X', { a: 1, b: [1, 2] }));
    expect(fingerprintOf('X', { a: '1' })).not.toBe(fingerprintOf('X', { a: 1 }));
    expect(fingerprintOf('X', { a: 1 })).not.toBe(fingerprintOf('Y', { a: 1 }));
  });
});
