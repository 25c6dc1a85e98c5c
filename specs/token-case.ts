import fc from 'fast-check';
import { applyVariant, caseVariant } from '../generators/tokenVariant.ts';
import { expectExactReplay } from './controls.ts';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

export default defineRule({
  id: 'TOKEN-CASE',
  description: 'Tokens differing only in case are independent: neither replays nor mismatches the other',
  source: {
    ref: 'REF-TOKEN-CASE',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token({ minLength: 3 }),
      variant: caseVariant(),
      // With the same parameters a case-blind endpoint replays; with other ones it reports a mismatch.
      secondChange: fc.option(h.change(), { nil: undefined }),
    }),
  async check(h, { params, token, variant, secondChange }) {
    const context = h.newCase();
    const first = h.mint(token);
    const other = applyVariant(first, variant, h.action.tokenLimit);
    fc.pre(other !== undefined);
    const second = h.claim(other as string);
    const a = expectCreated(h, await h.create(params, first, context), 'create with the first token');
    await expectExactReplay(h, params, first, context, a);
    const secondParams = secondChange ? h.applyChange(params, secondChange) : params;
    // A case of its own: resources with unique names (launch templates) must not clash by name.
    const otherCase = h.newCase();
    const b = expectCreated(h, await h.create(secondParams, second, otherCase), `create with ${JSON.stringify(second)}, the same token in another case`);
    const shared = ids(b).filter((id) => ids(a).includes(id));
    if (shared.length > 0) violation(`${JSON.stringify(second)} replayed the create of ${JSON.stringify(first)}: [${shared.join(', ')}]`);
    expectIds(expectObserved(await h.observe(otherCase, { expect: ids(b) }), 'read-back of the second token'), ids(b), `what ${JSON.stringify(second)} created`);
  },
});
