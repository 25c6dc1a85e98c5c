import fc from 'fast-check';
import { expectCreated, expectIds, expectObserved, ids } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

export default defineRule({
  id: 'AT-MOST-ONCE',
  description: 'Repeats create nothing more: the endpoint shows exactly the first create’s resources',
  source: {
    ref: 'REF-AT-MOST-ONCE',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      repeats: fc.integer({ min: 1, max: 4 }),
    }),
  async check(h, { params, token, repeats }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const first = ids(expectCreated(h, await h.create(params, minted, context), 'first create'));
    for (let n = 1; n <= repeats; n += 1) await h.create(params, minted, context);
    // Read back two ways: by the case's tag (catches duplicates whatever they carry) and by the token.
    expectIds(expectObserved(await h.observe(context, { expect: first }), 'read-back by case tag'), first, `after ${repeats} repeat(s), the resources of the case`);
    if (h.action.findByToken) {
      expectIds(expectObserved(await h.observeToken(minted, { expect: first }), 'client-token filter'), first, `after ${repeats} repeat(s), the client-token filter`);
    }
  },
});
