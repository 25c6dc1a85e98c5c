import fc from 'fast-check';
import { encodingVariant } from '../generators/encodingVariant.ts';
import { expectCreated, expectIds, expectObserved, expectOk, expectSameResponse, ids } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

export default defineRule({
  id: 'EQUIVALENT-ENCODING',
  description: 'Parameter order, GET vs POST and a fresh signature do not change a request',
  source: {
    ref: 'REF-QUERY-ENCODING',
    link: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      first: encodingVariant(),
      second: encodingVariant(),
    }),
  async check(h, { params, token, first, second }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const outcome = await h.create(params, minted, context, { encoding: first });
    const created = ids(expectCreated(h, outcome, 'first create'));
    const a = expectOk(outcome, 'first create');
    const b = expectOk(await h.create(params, minted, context, { encoding: second }), `the same request as ${second.method}, reordered, re-signed`);
    expectSameResponse(h, a, b, 'the re-encoded request');
    expectIds(expectObserved(await h.observe(context, { expect: created }), 'read-back by case tag'), created, 'the resources of the case');
  },
});
