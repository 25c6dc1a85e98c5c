import { afterAll, describe, expect, it } from 'vitest';
import type { LaunchTemplateParams } from '../../generators/launchTemplateParams.ts';
import type { RunInstancesParams } from '../../generators/runInstancesParams.ts';
import type { ObservedResource } from '../../harness/actions/action.ts';
import { createLaunchTemplate } from '../../harness/actions/createLaunchTemplate.ts';
import { runInstances } from '../../harness/actions/runInstances.ts';
import { Session } from '../../harness/exchange.ts';
import type { Ok, Outcome } from '../../harness/outcome.ts';
import { RuleHarness, type Observation } from '../../harness/ruleHarness.ts';
import { TokenMinter } from '../../harness/tokens.ts';
import { ACCESS_KEY_ID, IMAGE_ID, SECRET_ACCESS_KEY, startReferenceEmulator } from './support/referenceEmulator.ts';

const { emulator, target } = await startReferenceEmulator();
afterAll(() => emulator.close());
const session = new Session(target);
afterAll(() => session.close());
const minter = new TokenMinter();

const RUN_PARAMS: RunInstancesParams = { ImageId: IMAGE_ID, InstanceType: 't3.micro', MinCount: 2, MaxCount: 2, Tags: [{ Key: 'team', Value: 'qa' }] };
const LT_PARAMS: LaunchTemplateParams = { NameSuffix: 'web', VersionDescription: 'v1', Data: { ImageId: IMAGE_ID, InstanceType: 't3.micro' }, Tags: [] };

// One test id per test, as the suite gives them: case ids (`<testId>.<n>`) tag what a case creates,
// so a shared test id would let one test's observe() see another test's resources.
const runHarness = (testId: string) => new RuleHarness({ target, adapter: runInstances, session, minter, runId: 'r1', testId });
const templateHarness = (testId: string) => new RuleHarness({ target, adapter: createLaunchTemplate, session, minter, runId: 'r1', testId });

function expectOk(outcome: Outcome): Ok {
  expect(outcome).toMatchObject({ kind: 'ok', status: 200 });
  return outcome as Ok;
}
function resources(observation: Observation): readonly ObservedResource[] {
  expect(observation.kind).toBe('observed');
  return observation.kind === 'observed' ? observation.resources : [];
}
const sortedIds = (list: readonly { id: string }[]) => list.map((r) => r.id).sort();

describe('RuleHarness × RunInstances against the reference emulator', () => {
  it('create, replay, observe, observeToken, endCase', async () => {
    const h = runHarness('r1.t');
    const context = h.newCase();
    expect(context).toEqual({ runId: 'r1', testId: 'r1.t', caseId: 'r1.t.1' });
    const token = h.mint('replay-token-0000000001');
    const launchesBefore = emulator.stats().launches;

    const first = expectOk(await h.create(RUN_PARAMS, token, context));
    const ids = runInstances.created(first).map((r) => r.id);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^i-[0-9a-f]+$/);
    expect(new Set(ids).size).toBe(2);

    const replay = expectOk(await h.create(RUN_PARAMS, token, context));
    expect(runInstances.created(replay).map((r) => r.id)).toEqual(ids);
    expect(h.differences(first, replay)).toEqual([]);
    expect(emulator.stats().launches - launchesBefore).toBe(2);
    expect(h.resourcesCreated).toBe(2);

    const byCase = resources(await h.observe(context));
    expect(sortedIds(byCase)).toEqual([...ids].sort());
    expect(byCase).toHaveLength(2);
    expect(byCase.map((r) => [r.clientToken, r.ownerId, runInstances.isGone(r)])).toEqual([
      [token, '111111111111', false],
      [token, '111111111111', false],
    ]);
    expect(sortedIds(resources(await h.observeToken(token)))).toEqual([...ids].sort());

    await h.endCase();
    const after = resources(await h.observe(context));
    expect(after).toHaveLength(2);
    expect(sortedIds(after)).toEqual([...ids].sort());
    expect(after.map((r) => runInstances.isGone(r))).toEqual([true, true]);
    for (const r of after) expect(r.state).toMatch(/^(shutting-down|terminated)$/);
    const afterByToken = resources(await h.observeToken(token));
    expect(sortedIds(afterByToken)).toEqual([...ids].sort());
    expect(afterByToken.map((r) => runInstances.isGone(r))).toEqual([true, true]);
  });

  it('the same token with a changed parameter is refused once, without a retry, and launches nothing', async () => {
    const h = runHarness('r1.mismatch');
    const context = h.newCase();
    const token = h.mint('mismatch-token-00000001');
    expectOk(await h.create(RUN_PARAMS, token, context));
    const launches = emulator.stats().launches;
    h.seen.length = 0;
    const changed = h.applyChange(RUN_PARAMS, { field: 'Count' });
    expect(changed).not.toEqual(RUN_PARAMS);
    expect(await h.create(changed, token, context)).toMatchObject({ kind: 'ec2-error', status: 400, code: 'IdempotentParameterMismatch' });
    expect(h.seen).toHaveLength(1);
    expect(emulator.stats().launches).toBe(launches);
    await h.endCase();
  });

  it('race: 4 copies at once answer 4 times the same ids and launch once', async () => {
    const h = runHarness('r1.race');
    const context = h.newCase();
    const token = h.mint('race-token-000000000001');
    const launchesBefore = emulator.stats().launches;
    const outcomes = await h.race(RUN_PARAMS, token, context, 4);
    expect(outcomes).toHaveLength(4);
    const idSets = outcomes.map((o) => runInstances.created(expectOk(o)).map((r) => r.id));
    expect(idSets[0]).toHaveLength(2);
    for (const set of idSets) expect(set).toEqual(idSets[0]);
    expect(emulator.stats().launches - launchesBefore).toBe(2);
    expect(h.seen).toHaveLength(4);
    await h.endCase();
    const after = resources(await h.observe(context));
    expect(sortedIds(after)).toEqual([...idSets[0]!].sort());
    expect(after.map((r) => runInstances.isGone(r))).toEqual([true, true]);
  });

  it('a lost answer then a 503: the retries end ok with exactly one launch, 3 attempts in the transcript, no secret', async () => {
    const h = runHarness('r1.lost');
    const context = h.newCase();
    const token = h.mint('lost-response-token-0001');
    const launchesBefore = emulator.stats().launches;
    const transcript = session.beginTranscript();

    const outcome = expectOk(await h.create(RUN_PARAMS, token, context, { faults: [{ kind: 'drop-response' }, { kind: 'replace-503' }] }));
    expect(emulator.stats().launches - launchesBefore).toBe(2);
    expect(h.seen.map((o) => (o.kind === 'ec2-error' ? `${o.status} ${o.code}` : o.kind))).toEqual(['transport-failure', '503 Unavailable', 'ok']);

    expect(transcript.attempts).toHaveLength(3);
    expect(transcript.attempts.map((a) => a.fault)).toEqual(['drop-response', 'replace-503', undefined]);
    // The endpoint answered every attempt 200: the first launched, the others replayed it.
    expect(transcript.attempts.map((a) => a.response?.status)).toEqual([200, 200, 200]);
    // Every retry is the same request (same token, same parameters), re-signed.
    const bodies = new Set(transcript.attempts.map((a) => a.request.body));
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).toContain(`ClientToken=${token}`);
    const json = JSON.stringify(transcript);
    expect(json).not.toContain(ACCESS_KEY_ID);
    expect(json).not.toContain(SECRET_ACCESS_KEY);

    const ids = runInstances.created(outcome).map((r) => r.id).sort();
    expect(sortedIds(resources(await h.observeToken(token)))).toEqual(ids);
    await h.endCase();
  });
});

describe('RuleHarness × CreateLaunchTemplate against the reference emulator', () => {
  it('create, replay, observe, endCase', async () => {
    const h = templateHarness('r1.lt');
    const context = h.newCase();
    const token = h.mint('launch-template-token-0001');
    const aliveBefore = emulator.stats().resourcesAlive.launchTemplates;

    const first = expectOk(await h.create(LT_PARAMS, token, context));
    const [created, ...more] = createLaunchTemplate.created(first);
    expect(more).toEqual([]);
    expect(created?.id).toMatch(/^lt-[0-9a-f]+$/);

    const replay = expectOk(await h.create(LT_PARAMS, token, context));
    expect(createLaunchTemplate.created(replay)).toEqual([created]);
    expect(h.differences(first, replay)).toEqual([]);
    expect(emulator.stats().resourcesAlive.launchTemplates - aliveBefore).toBe(1);

    expect(resources(await h.observe(context))).toEqual([created]);
    await expect(h.observeToken(token)).rejects.toThrow('CreateLaunchTemplate has no client-token filter');

    await h.endCase();
    expect(resources(await h.observe(context))).toEqual([]);
    expect(emulator.stats().resourcesAlive.launchTemplates).toBe(aliveBefore);
  });

  it('a changed name suffix with the same token is a parameter mismatch', async () => {
    const h = templateHarness('r1.lt-mismatch');
    const context = h.newCase();
    const token = h.mint('launch-template-token-0002');
    expectOk(await h.create(LT_PARAMS, token, context));
    const changed = h.applyChange(LT_PARAMS, { field: 'NameSuffix', to: 'db' });
    expect(await h.create(changed, token, context)).toMatchObject({ kind: 'ec2-error', status: 400, code: 'IdempotentParameterMismatch' });
    expect(resources(await h.observe(context))).toHaveLength(1);
    await h.endCase();
    expect(resources(await h.observe(context))).toEqual([]);
  });
});
