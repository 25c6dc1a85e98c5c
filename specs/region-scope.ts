import fc from 'fast-check';
import { regionPair } from '../generators/regionPair.ts';
import { expectExactReplay } from './controls.ts';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

export default defineRule({
  id: 'REGION-SCOPE',
  description: 'The same token in another region creates separately: no replay, no mismatch',
  source: {
    ref: 'REF-REGION-SCOPE',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#run-instances-idempotency',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: ['multi-region'],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      regions: regionPair(h.target.regions),
      // Other parameters in the second region are not a mismatch either (REF-REGION-SCOPE).
      secondChange: fc.option(h.change(), { nil: undefined }),
    }),
  async check(h, { params, token, regions: [home, away], secondChange }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const created = expectCreated(h, await h.create(params, minted, context, { region: home }), `create in ${home.name}`);
    await expectExactReplay(h, params, minted, context, created, { region: home });
    const a = ids(created);
    const awayParams = secondChange ? h.applyChange(params, secondChange) : params;
    const b = ids(expectCreated(h, await h.create(awayParams, minted, context, { region: away }), `the same token in ${away.name}`));
    const shared = b.filter((id) => a.includes(id));
    if (shared.length > 0) violation(`the create in ${away.name} replayed ${home.name}'s resources [${shared.join(', ')}]`);
    expectIds(expectObserved(await h.observe(context, { region: home, expect: a }), `read-back in ${home.name}`), a, `the resources in ${home.name}`);
    expectIds(expectObserved(await h.observe(context, { region: away, expect: b }), `read-back in ${away.name}`), b, `the resources in ${away.name}`);
  },
});
