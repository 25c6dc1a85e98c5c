import fc from 'fast-check';
import { afterDelete } from '../harness/model/promiseModel.ts';
import { CLIENT_ERROR, expectCreated, expectError, expectIds, expectObserved, expectOk, expectSameResponse, expectStepDone, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * What a replay after termination (or deletion) may answer is the model's (harness/model;
 * docs/reference.md REF-TERMINATED-REPLAY) — seed: the original response or HTTP 4xx
 * `IdempotentInstanceTerminated`; aws-current: `IdempotentInstanceTerminated`; strict: the original
 * response. Launch templates have no documented answer: a replay or any 4xx, except strict (replay).
 */
export default defineRule({
  id: 'TOKEN-AFTER-TERMINATE',
  description: 'After termination the token still creates nothing new (replay, or a refusal)',
  source: {
    ref: 'REF-TERMINATED-REPLAY',
    link: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      replays: fc.integer({ min: 1, max: 2 }),
    }),
  async check(h, { params, token, replays }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const outcome = await h.create(params, minted, context);
    const firstIds = ids(expectCreated(h, outcome, 'first create'));
    const first = expectOk(outcome, 'first create');
    for (const outcome of await h.remove(firstIds)) expectStepDone(outcome, `${h.action.deleteAction} of the created resources`);
    const allowed = afterDelete(h.profile, h.action.name);
    for (let n = 1; n <= replays; n += 1) {
      const outcome = await h.create(params, minted, context);
      const what = `replay ${n} after ${h.action.deleteAction}`;
      if (outcome.kind === 'ok') {
        if (!allowed.mayReplay) violation(`${what}: expected ${allowed.codes?.join(' or ') ?? 'a refusal'} (profile ${h.profile}), got the create's answer again`);
        expectSameResponse(h, first, outcome, what);
      } else {
        if (!allowed.mayRefuse) violation(`${what}: expected the original response (profile ${h.profile}), got ${outcome.kind === 'ec2-error' ? outcome.code : outcome.kind}`);
        expectError(outcome, { codes: allowed.codes, statuses: CLIENT_ERROR, statusText: 'a 4xx status' }, what);
      }
    }
    const seen = expectObserved(await h.observe(context), 'read-back by case tag');
    const extra = ids(seen).filter((id) => !firstIds.includes(id));
    if (extra.length > 0) expectIds(seen, firstIds, 'after the replays, the resources of the case');
  },
});
