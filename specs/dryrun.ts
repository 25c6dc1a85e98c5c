import fc from 'fast-check';
import { exactly, expectCreated, expectError, expectIds, expectObserved, ids } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * All profiles: a dry run answers `DryRunOperation` with HTTP 412 (observed on AWS and in every
 * emulator) and binds nothing (undocumented; the profiles decide: docs/reference.md REF-DRYRUN).
 */
export default defineRule({
  id: 'DRYRUN',
  description: 'A DryRun request answers DryRunOperation, creates nothing and leaves the token unused',
  source: {
    ref: 'REF-DRYRUN',
    link: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonParameters.html',
  },
  strength: 'SHOULD',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      // The real request after the dry run may differ: a bound token would then report a mismatch.
      realChange: fc.option(h.change(), { nil: undefined }),
    }),
  async check(h, { params, token, realChange }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const dry = await h.create(params, minted, context, { dryRun: true });
    expectError(dry, { codes: ['DryRunOperation'], statuses: exactly(412), statusText: 'HTTP 412' }, 'the dry run');
    expectIds(expectObserved(await h.observe(context), 'read-back by case tag'), [], 'after the dry run, the resources of the case');
    const realParams = realChange ? h.applyChange(params, realChange) : params;
    const real = ids(expectCreated(h, await h.create(realParams, minted, context), 'the real request with the dry run’s token'));
    expectIds(expectObserved(await h.observe(context, { expect: real }), 'read-back by case tag'), real, 'after the real request, the resources of the case');
  },
});
