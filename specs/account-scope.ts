import fc from 'fast-check';
import { accountPair } from '../generators/accountPair.ts';
import { expectExactReplay } from './controls.ts';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

export default defineRule({
  id: 'ACCOUNT-SCOPE',
  description: 'Another account reusing a token creates its own resources and never sees the first account’s',
  source: {
    ref: 'REF-ACCOUNT-SCOPE',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: ['second-account'],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      accounts: accountPair(['primary', 'secondary'] as const),
      secondChange: fc.option(h.change(), { nil: undefined }),
    }),
  async check(h, { params, token, accounts: [owner, other], secondChange }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const a = expectCreated(h, await h.create(params, minted, context, { identity: owner }), `create as the ${owner} account`);
    await expectExactReplay(h, params, minted, context, a, { identity: owner });
    const otherParams = secondChange ? h.applyChange(params, secondChange) : params;
    const b = expectCreated(h, await h.create(otherParams, minted, context, { identity: other }), `the same token as the ${other} account`);
    const shared = ids(b).filter((id) => ids(a).includes(id));
    if (shared.length > 0) violation(`the ${other} account got the ${owner} account's resources [${shared.join(', ')}]`);
    const owners = new Set([...a, ...b].map((r) => r.ownerId).filter((id) => id !== undefined));
    if (a[0]?.ownerId !== undefined && owners.size < 2) violation(`both accounts' answers name owner ${[...owners].join()}`);
    expectIds(expectObserved(await h.observe(context, { identity: other, expect: ids(b) }), `read-back as ${other}`), ids(b), `what the ${other} account sees`);
    expectIds(expectObserved(await h.observe(context, { identity: owner, expect: ids(a) }), `read-back as ${owner}`), ids(a), `what the ${owner} account sees`);
  },
});
