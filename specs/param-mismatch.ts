import fc from 'fast-check';
import { changedName } from '../generators/paramChange.ts';
import { exactly, expectCreated, expectError, expectIds, expectObserved, ids } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * All profiles: the exact code and HTTP 400 (observed on AWS; docs/reference.md REF-MISMATCH). The
 * changes generated are never Region or Availability Zone (the page excludes those) nor list
 * reorderings (undocumented either way).
 */
export default defineRule({
  id: 'PARAM-MISMATCH',
  description: 'Same token with one changed parameter is refused with IdempotentParameterMismatch',
  source: {
    ref: 'REF-MISMATCH',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      // Several single changes per case, each tried alone against the original: cheap and thorough.
      changes: fc.array(h.change(), { minLength: 1, maxLength: 4 }),
    }),
  async check(h, { params, token, changes }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const first = ids(expectCreated(h, await h.create(params, minted, context), 'first create'));
    for (const change of changes) {
      const outcome = await h.create(h.applyChange(params, change), minted, context);
      expectError(outcome, { codes: ['IdempotentParameterMismatch'], statuses: exactly(400), statusText: 'HTTP 400' }, `same token, ${changedName(change)} changed`);
    }
    expectIds(expectObserved(await h.observe(context, { expect: first }), 'read-back by case tag'), first, 'after the mismatches, the resources of the case');
  },
});
