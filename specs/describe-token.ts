import fc from 'fast-check';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

export default defineRule({
  id: 'DESCRIBE-TOKEN',
  description: 'The token is on every instance, in the answer and in DescribeInstances, and its filter works',
  source: {
    ref: 'REF-ECHO',
    link: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: ['token-echo'],
  cases: (h) =>
    fc.record({ params: h.params(), token: h.token() }),
  async check(h, { params, token }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const created = expectCreated(h, await h.create(params, minted, context), 'create');
    for (const resource of created) {
      if (resource.clientToken !== minted) violation(`the create answer shows ${resource.id} with clientToken ${JSON.stringify(resource.clientToken)}, not ${JSON.stringify(minted)}`);
    }
    const described = expectObserved(await h.observe(context, { expect: ids(created) }), 'DescribeInstances by case tag');
    expectIds(described, ids(created), 'DescribeInstances by case tag');
    for (const resource of described) {
      if (resource.clientToken !== minted) violation(`DescribeInstances shows ${resource.id} with clientToken ${JSON.stringify(resource.clientToken)}, not ${JSON.stringify(minted)}`);
    }
    // The filter working is this rule's own promise: a filter the endpoint cannot answer is a violation.
    const byToken = expectObserved(await h.observeToken(minted, { expect: ids(created) }), 'DescribeInstances with the client-token filter', true);
    expectIds(byToken, ids(created), 'DescribeInstances with the client-token filter');
  },
});
