import { describe, expect, it } from 'vitest';
import { contextOfCase, runIdOf } from '../../harness/actions/action.ts';
import { Session } from '../../harness/exchange.ts';
import { RuleHarness } from '../../harness/ruleHarness.ts';
import { checkTargetConfig, resolveTarget } from '../../harness/target.ts';
import { TokenMinter } from '../../harness/tokens.ts';
import { runInstances } from '../../harness/actions/runInstances.ts';
import { testId } from '../../specs/runRule.ts';
import { newRunId } from '../../specs/settings.ts';

// Adapters whose resources take no tags (launch template versions) recover a case's run and test
// from the case id alone; that holds only while the ids the runner and the harness build nest.
describe('case ids', () => {
  it('name their run and test, as the runner and the harness build them', async () => {
    const runId = newRunId();
    const target = resolveTarget(checkTargetConfig({ endpoint: 'http://127.0.0.1:9/', regions: ['us-east-1'], imageId: 'ami-0123456789abcdef0', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } }, 'test'));
    const session = new Session(target);
    try {
      const h = new RuleHarness({ target, adapter: runInstances, session, minter: new TokenMinter(), runId, testId: testId('TOKEN-AFTER-TERMINATE', 'CreateLaunchTemplateVersion', runId) });
      h.newCase();
      const context = h.newCase();
      expect(contextOfCase(context.caseId)).toEqual(context);
      expect(runIdOf(context.testId)).toBe(runId);
      expect(runIdOf(runId)).toBe(runId);
    } finally {
      await session.close();
    }
  });
});
