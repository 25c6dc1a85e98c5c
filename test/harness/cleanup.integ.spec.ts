import { afterAll, describe, expect, it } from 'vitest';
import type { RunInstancesParams } from '../../generators/runInstancesParams.ts';
import { RUN_TAG, TEST_TAG } from '../../harness/actions/action.ts';
import { createLaunchTemplate } from '../../harness/actions/createLaunchTemplate.ts';
import { runInstances } from '../../harness/actions/runInstances.ts';
import { sweepRun } from '../../harness/cleanup.ts';
import { Session } from '../../harness/exchange.ts';
import { RuleHarness, type Observation } from '../../harness/ruleHarness.ts';
import { TokenMinter } from '../../harness/tokens.ts';
import { IMAGE_ID, startReferenceEmulator } from './support/referenceEmulator.ts';

const { emulator, target } = await startReferenceEmulator();
afterAll(() => emulator.close());
const session = new Session(target);
afterAll(() => session.close());
const minter = new TokenMinter();

const PARAMS: RunInstancesParams = { ImageId: IMAGE_ID, InstanceType: 't3.micro', MinCount: 1, MaxCount: 2, Tags: [] };
const alive = (observation: Observation) => (observation.kind === 'observed' ? observation.resources.filter((r) => !runInstances.isGone(r)).length : -1);

describe('sweepRun', () => {
  it('removes what a run left behind, in every region, and only that run; a second sweep finds nothing', async () => {
    const run = new RuleHarness({ target, adapter: runInstances, session, minter, runId: 'sweep-run', testId: 'sweep-run.t' });
    const templates = run.forAction(createLaunchTemplate);
    const other = new RuleHarness({ target, adapter: runInstances, session, minter, runId: 'other-run', testId: 'other-run.t' });
    const west = target.regions[1];

    expect(await run.create(PARAMS, minter.mint('sweep-token-000001'), run.newCase())).toMatchObject({ kind: 'ok' });
    expect(await run.create(PARAMS, minter.mint('sweep-token-000002'), run.newCase(), { region: west })).toMatchObject({ kind: 'ok' });
    expect(await templates.create({ NameSuffix: 'x', Data: { ImageId: IMAGE_ID, InstanceType: 't3.micro' }, Tags: [] }, minter.mint('sweep-token-000003'), templates.newCase())).toMatchObject({ kind: 'ok' });
    expect(await other.create(PARAMS, minter.mint('sweep-token-000004'), other.newCase())).toMatchObject({ kind: 'ok' });
    const aliveBefore = emulator.stats().resourcesAlive;
    expect(aliveBefore).toEqual({ instances: 6, launchTemplates: 1 });

    const first = await sweepRun(target, 'sweep-run');
    expect(first).toEqual({ removed: 5, leftBehind: 0, problems: [] });
    expect(emulator.stats().resourcesAlive).toEqual({ instances: 2, launchTemplates: 0 });
    expect(alive(await run.observeTag(RUN_TAG, 'sweep-run'))).toBe(0);
    expect(alive(await run.observeTag(RUN_TAG, 'sweep-run', { region: west }))).toBe(0);
    expect(alive(await other.observeTag(RUN_TAG, 'other-run'))).toBe(2);

    expect(await sweepRun(target, 'sweep-run')).toEqual({ removed: 0, leftBehind: 0, problems: [] });
    expect(await sweepRun(target, 'other-run')).toEqual({ removed: 2, leftBehind: 0, problems: [] });
  });

  it('swept by a test tag, removes that test’s resources and leaves the rest of the run alone', async () => {
    const first = new RuleHarness({ target, adapter: runInstances, session, minter, runId: 'scoped-run', testId: 'scoped-run.a' });
    const second = new RuleHarness({ target, adapter: runInstances, session, minter, runId: 'scoped-run', testId: 'scoped-run.b' });
    expect(await first.create(PARAMS, minter.mint('scoped-token-000001'), first.newCase())).toMatchObject({ kind: 'ok' });
    expect(await second.create(PARAMS, minter.mint('scoped-token-000002'), second.newCase())).toMatchObject({ kind: 'ok' });
    const swept = await sweepRun(target, 'scoped-run', [{ tag: TEST_TAG, value: 'scoped-run.a', actions: ['RunInstances'] }]);
    expect(swept).toEqual({ removed: 2, leftBehind: 0, problems: [] });
    expect(alive(await second.observeTag(TEST_TAG, 'scoped-run.b'))).toBe(2);
    expect(await sweepRun(target, 'scoped-run')).toEqual({ removed: 2, leftBehind: 0, problems: [] });
  });
});
