import { describe, expect, it } from 'vitest';
import { checkBurst, resultOf, type BurstEntry } from '../../../harness/history/burst.ts';
import type { Outcome } from '../../../harness/outcome.ts';

const ok = (id: string): Outcome => ({ kind: 'ok', status: 200, root: 'RunInstancesResponse', requestId: 'r', body: { instancesSet: { item: [{ instanceId: id }] } } });
const error = (status: number, code: string): Outcome => ({ kind: 'ec2-error', status, code, message: '', requestId: 'r', envelope: 'ec2' });
const lost: Outcome = { kind: 'transport-failure', code: 'UND_ERR_SOCKET', message: 'closed', maybeCommitted: true };
const entry = (copy: number, fingerprint: string, outcome: Outcome): BurstEntry => ({ copy, fingerprint, outcome, ids: outcome.kind === 'ok' ? [(outcome.body as { instancesSet: { item: { instanceId: string }[] } }).instancesSet.item[0]!.instanceId] : [] });

describe('checkBurst', () => {
  it('all copies answered with one create: all-replay', () => {
    expect(checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'A', ok('i-1'))], ['i-1'])).toEqual({ problems: [], behaviour: 'all-replay', winner: { fingerprint: 'A', ids: ['i-1'] } });
  });

  it('some copies told to retry: in-progress', () => {
    expect(checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'A', error(400, 'IncorrectState')), entry(2, 'A', error(503, 'Unavailable'))], ['i-1'])).toMatchObject({ problems: [], behaviour: 'in-progress' });
  });

  it('other parameters under one token: one winner, the others mismatch', () => {
    expect(checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'B', error(400, 'IdempotentParameterMismatch'))], ['i-1'])).toMatchObject({ problems: [], behaviour: 'mixed: one winner, mismatches' });
  });

  it('two creates: named as such', () => {
    expect(checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'A', ok('i-2'))], ['i-1', 'i-2']).problems[0]).toBe('2 concurrent copies created 2 different sets of resources: [i-1] and [i-2]');
  });

  it('a success sent with the loser\'s parameters: both requests were carried out', () => {
    const { problems } = checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'B', ok('i-1'))], ['i-1']);
    expect(problems).toEqual(['copy 2, sent with other parameters than copy 1, also got a success: both requests were carried out']);
  });

  it('a loser refused with the wrong error, or a winner refused outright', () => {
    expect(checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'B', error(400, 'InvalidParameterValue'))], ['i-1']).problems).toEqual([
      'copy 2 (other parameters) was refused outright: expected IdempotentParameterMismatch (HTTP 400) or a retryable answer, got 400 InvalidParameterValue',
    ]);
    expect(checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'A', error(400, 'IdempotentParameterMismatch'))], ['i-1']).problems).toEqual([
      "copy 2 was refused outright: expected the winner's answer or a retryable answer, got 400 IdempotentParameterMismatch",
    ]);
  });

  it('lost answers are settled by the read-back: a second create shows there', () => {
    expect(resultOf(lost)).toBe('unknown');
    expect(checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'B', lost)], ['i-1']).problems).toEqual([]);
    expect(checkBurst([entry(0, 'A', ok('i-1')), entry(1, 'B', lost)], ['i-1', 'i-9']).problems).toEqual(['the read-back shows [i-1, i-9], more than the winner\'s [i-1]']);
  });

  it("the winner's answer lost (a 500 after it committed): a copy with other parameters may get the mismatch", () => {
    expect(checkBurst([entry(0, 'A', error(500, 'InternalError')), entry(1, 'B', error(400, 'IdempotentParameterMismatch'))], ['i-1']).problems).toEqual([]);
    // With one set of parameters only, a mismatch is no loser's answer.
    expect(checkBurst([entry(0, 'A', error(500, 'InternalError')), entry(1, 'A', error(400, 'IdempotentParameterMismatch'))], ['i-1']).problems).toEqual([
      "copy 2 was refused outright: expected the winner's answer or a retryable answer, got 400 IdempotentParameterMismatch",
    ]);
  });

  it('no winner: nothing to hold the others to, only the read-back', () => {
    expect(checkBurst([entry(0, 'A', error(400, 'IncorrectState')), entry(1, 'B', lost)], [])).toEqual({ problems: [], behaviour: 'mixed: in-progress' });
  });
});
