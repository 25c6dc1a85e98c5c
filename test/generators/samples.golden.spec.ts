import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientToken } from '../../generators/clientToken.ts';
import { faultPlan } from '../../generators/faultPlan.ts';
import { runInstancesParams } from '../../generators/runInstancesParams.ts';

// fast-check's NoRegression idea: the same seed must keep giving the same values, so that a seed
// printed in a report still replays the same case. A change here means old replay commands break.
describe('generated values for a pinned seed', () => {
  const pinned = { seed: 42, numRuns: 5 };

  it('clientToken', () => {
    expect(fc.sample(clientToken(), pinned)).toMatchSnapshot();
  });

  it('runInstancesParams', () => {
    expect(fc.sample(runInstancesParams({ imageIds: ['ami-0123456789abcdef0', 'ami-0fedcba9876543210'] }), pinned)).toMatchSnapshot();
  });

  it('faultPlan', () => {
    expect(fc.sample(faultPlan(), pinned)).toMatchSnapshot();
  });
});
