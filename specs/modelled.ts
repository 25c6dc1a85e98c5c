import type { ObservedResource } from '../harness/actions/action.ts';
import type { Expectation } from '../harness/model/promiseModel.ts';
import type { Outcome } from '../harness/outcome.ts';
import type { RuleHarness } from '../harness/ruleHarness.ts';
import { CLIENT_ERROR, exactly, expectCreated, expectError, expectOk, expectSameResponse, violation } from './expect.ts';

/**
 * Judges one answer against what the model of the promises says the request must do
 * (harness/model/promiseModel.ts); returns what the answer says it created (only a `create` may).
 */
export function expectModelled(h: RuleHarness, expectation: Expectation, outcome: Outcome, what: string): readonly ObservedResource[] {
  switch (expectation.kind) {
    case 'create':
      return expectCreated(h, outcome, `${what} (a token not used before)`);
    case 'replay': {
      const answer = expectOk(outcome, `${what} (the same request again)`);
      expectSameResponse(h, expectation.binding.answer, answer, what);
      return [];
    }
    case 'replay-after-delete': {
      const refusal = expectation.codes?.join(' or ') ?? 'a 4xx refusal';
      if (outcome.kind === 'ok') {
        if (!expectation.mayReplay) violation(`${what}: after ${h.action.deleteAction} expected ${refusal} (profile ${h.profile}), got the first answer again`);
        expectSameResponse(h, expectation.binding.answer, outcome, `${what} after ${h.action.deleteAction}`);
        return [];
      }
      if (!expectation.mayRefuse) violation(`${what}: after ${h.action.deleteAction} expected the first answer again (profile ${h.profile}), got ${outcome.kind === 'ec2-error' ? `${outcome.status} ${outcome.code}` : outcome.kind}`);
      expectError(outcome, { codes: expectation.codes, statuses: CLIENT_ERROR, statusText: 'a 4xx status' }, `${what} after ${h.action.deleteAction}`);
      return [];
    }
    case 'mismatch': {
      // After a delete the profile may also allow the terminated-token refusal (a 4xx); before it, exactly 400.
      const statuses = expectation.codes.length > 1 ? CLIENT_ERROR : exactly(400);
      expectError(outcome, { codes: expectation.codes, statuses, statusText: expectation.codes.length > 1 ? 'a 4xx status' : 'HTTP 400' }, `${what} (another request under a used token)`);
      return [];
    }
    case 'dry-run':
      expectError(outcome, { codes: ['DryRunOperation'], statuses: exactly(412), statusText: 'HTTP 412' }, `${what} (a dry run)`);
      return [];
  }
}
