// The seeded bugs that forget or mis-key tokens: exact behaviour at their edges, so the rules that
// must catch them (RETENTION, HISTORY, CONCURRENT-DUPLICATES, TOKEN-FORMAT) have something precise
// to find, and the reference beside each shows what they break.
import { describe, expect, it } from 'vitest';
import { RUN, claimedIdentity, fakeClock, inProcessEmulator, items } from './support/inProcess.ts';
import type { InProcessEmulator, Params } from './support/inProcess.ts';

const TEMPLATE = { Action: 'CreateLaunchTemplate', 'LaunchTemplateData.ImageId': 'ami-12345678' };

async function reservation(emulator: InProcessEmulator, params: Params, headers?: Record<string, string>): Promise<string> {
  const answer = await emulator.call({ ...RUN, ...params }, { headers });
  expect(answer.status).toBe(200);
  return answer.body.reservationId;
}

async function templateId(emulator: InProcessEmulator, params: Params): Promise<string> {
  const answer = await emulator.call({ ...TEMPLATE, ...params });
  expect(answer.status).toBe(200);
  return answer.body.launchTemplate.launchTemplateId;
}

describe('token-store-keeps-32', () => {
  it('keeps the 32 newest binds of an account and region, counting both actions together', async () => {
    const emulator = inProcessEmulator({ bug: 'token-store-keeps-32' });
    const firstRun = await reservation(emulator, { ClientToken: 'run-0' });
    const firstTemplate = await templateId(emulator, { LaunchTemplateName: 'lt-0', ClientToken: 'lt-0' });
    const early: string[] = [];
    for (let n = 1; n <= 30; n += 1) early[n] = await reservation(emulator, { ClientToken: `run-${n}` });
    // 32 bound: both first tokens are still known.
    expect(await reservation(emulator, { ClientToken: 'run-0' })).toBe(firstRun);
    await reservation(emulator, { ClientToken: 'run-31' });
    // 33rd bind: run-0 (the oldest bind, replays do not refresh it) is gone; lt-0 is now the oldest kept.
    const relaunched = await reservation(emulator, { ClientToken: 'run-0' });
    expect(relaunched).not.toBe(firstRun);
    // That relaunch was a 34th bind, which pushed lt-0 out too: its replay makes a new template.
    expect(await templateId(emulator, { LaunchTemplateName: 'lt-0b', ClientToken: 'lt-0' })).not.toBe(firstTemplate);
    // ...and that 35th bind pushed out run-1, while run-2 is still kept.
    expect(await reservation(emulator, { ClientToken: 'run-2' })).toBe(early[2]);
    expect(await reservation(emulator, { ClientToken: 'run-1' })).not.toBe(early[1]);
    expect(emulator.handler.stats()).toMatchObject({ launches: 34, resourcesAlive: { launchTemplates: 2 } });
  });

  it('counts each account and region apart', async () => {
    const emulator = inProcessEmulator({ bug: 'token-store-keeps-32' });
    const west = claimedIdentity('AKIDANY', 'us-west-2');
    const other = claimedIdentity('111122223333', 'us-east-1');
    const kept = [await reservation(emulator, { ClientToken: 'T' }, west), await reservation(emulator, { ClientToken: 'T' }, other)];
    for (let n = 0; n < 40; n += 1) await reservation(emulator, { ClientToken: `east-${n}` });
    expect([await reservation(emulator, { ClientToken: 'T' }, west), await reservation(emulator, { ClientToken: 'T' }, other)]).toEqual(kept);
  });

  it('is absent from the reference, which replays the first of 100 tokens', async () => {
    const emulator = inProcessEmulator();
    const first = await reservation(emulator, { ClientToken: 'tok-0' });
    for (let n = 1; n < 100; n += 1) await reservation(emulator, { ClientToken: `tok-${n}` });
    expect(await reservation(emulator, { ClientToken: 'tok-0' })).toBe(first);
  });
});

describe('token-forgotten-after-3s', () => {
  it('replays up to 2999 ms after the bind, creates anew from 3000 ms, and the new bind starts a new 3 s', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ bug: 'token-forgotten-after-3s', clock });
    const first = await reservation(emulator, { ClientToken: 'T' });
    clock.advance(2999);
    expect(await reservation(emulator, { ClientToken: 'T' })).toBe(first);
    clock.advance(1);
    const second = await reservation(emulator, { ClientToken: 'T' });
    expect(second).not.toBe(first);
    clock.advance(2999);
    // Forgotten means unbound: changed parameters then create instead of mismatching.
    expect(await reservation(emulator, { ClientToken: 'T' })).toBe(second);
    clock.advance(1);
    expect(await reservation(emulator, { ClientToken: 'T', InstanceType: 'm5.large' })).not.toBe(second);
    expect(emulator.handler.stats().launches).toBe(3);
  });

  it('is absent from the reference, which replays an hour later', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock });
    const first = await reservation(emulator, { ClientToken: 'T' });
    clock.advance(3_600_000);
    expect(await reservation(emulator, { ClientToken: 'T' })).toBe(first);
  });
});

describe('mismatch-off-after-terminate', () => {
  it('still mismatches while any instance lives, then creates anew for changed parameters, replays the same ones', async () => {
    const emulator = inProcessEmulator({ bug: 'mismatch-off-after-terminate' });
    const first = await emulator.call({ ...RUN, MaxCount: 2, ClientToken: 'T' });
    const [a, b] = items(first.body.instancesSet).map((instance) => instance.instanceId);
    await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': a });
    expect((await emulator.call({ ...RUN, MaxCount: 1, ClientToken: 'T' })).code).toBe('IdempotentParameterMismatch');
    await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': b });
    expect(await reservation(emulator, { MaxCount: 2, ClientToken: 'T' })).toBe(first.body.reservationId);
    const changed = await reservation(emulator, { MaxCount: 1, ClientToken: 'T' });
    expect(changed).not.toBe(first.body.reservationId);
    expect(emulator.handler.stats()).toMatchObject({ launches: 3, mismatches: 1 });
  });

  it('creates a new template for changed data once the first template is deleted', async () => {
    const emulator = inProcessEmulator({ bug: 'mismatch-off-after-terminate' });
    const create = { LaunchTemplateName: 'tpl', ClientToken: 'L' };
    const first = await templateId(emulator, create);
    expect((await emulator.call({ ...TEMPLATE, ...create, 'LaunchTemplateData.InstanceType': 'm5.large' })).code).toBe('IdempotentParameterMismatch');
    await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: first });
    expect(await templateId(emulator, create)).toBe(first);
    expect(await templateId(emulator, { ...create, 'LaunchTemplateData.InstanceType': 'm5.large' })).not.toBe(first);
  });

  it('is absent from the reference, which refuses changed parameters after termination and deletion alike', async () => {
    const emulator = inProcessEmulator();
    const first = await emulator.call({ ...RUN, ClientToken: 'T' });
    await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': items(first.body.instancesSet)[0].instanceId });
    expect((await emulator.call({ ...RUN, InstanceType: 'm5.large', ClientToken: 'T' })).code).toBe('IdempotentParameterMismatch');
    const template = await templateId(emulator, { LaunchTemplateName: 'tpl', ClientToken: 'L' });
    await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: template });
    const changed = await emulator.call({ ...TEMPLATE, LaunchTemplateName: 'tpl', 'LaunchTemplateData.InstanceType': 'm5.large', ClientToken: 'L' });
    expect(changed.code).toBe('IdempotentParameterMismatch');
    expect(emulator.handler.stats()).toMatchObject({ launches: 1, resourcesAlive: { launchTemplates: 0 } });
  });

  it("leaves a deleted template's replay alone under terminatedReplay 'error' (no documented refusal for templates)", async () => {
    const emulator = inProcessEmulator({ terminatedReplay: 'error' });
    const create = { LaunchTemplateName: 'tpl', ClientToken: 'L' };
    const first = await templateId(emulator, create);
    await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: first });
    expect(await templateId(emulator, create)).toBe(first);
  });
});

describe('mixed-race-both-launch', () => {
  const LATENCY = { faults: { criticalSectionLatencyMs: 50 } };
  const concurrently = (emulator: InProcessEmulator, types: string[]) =>
    Promise.all(types.map((type) => emulator.call({ ...RUN, InstanceType: type, ClientToken: 'T' })));

  it('lets same-token requests with different parameters both create', async () => {
    const emulator = inProcessEmulator({ bug: 'mixed-race-both-launch' });
    const answers = await concurrently(emulator, ['t3.micro', 'm5.large']);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(new Set(answers.map((answer) => answer.body.reservationId)).size).toBe(2);
    expect(emulator.handler.stats()).toMatchObject({ launches: 2, mismatches: 0 });
  });

  it('still serializes same-parameter duplicates', async () => {
    const emulator = inProcessEmulator({ bug: 'mixed-race-both-launch' });
    const answers = await concurrently(emulator, ['t3.micro', 't3.micro', 't3.micro']);
    expect(new Set(answers.map((answer) => answer.body.reservationId)).size).toBe(1);
    expect(emulator.handler.stats().launches).toBe(1);
  });

  it('is absent from the reference: the later request waits and mismatches', async () => {
    const emulator = inProcessEmulator(LATENCY);
    const answers = await concurrently(emulator, ['t3.micro', 'm5.large']);
    expect(answers.map((answer) => answer.code ?? answer.status)).toEqual([200, 'IdempotentParameterMismatch']);
    expect(emulator.handler.stats().launches).toBe(1);
  });
});

describe('token-percent-decoded', () => {
  it('keys, stores and echoes ab%41c as abAc, on the wire and in describe', async () => {
    const emulator = inProcessEmulator({ bug: 'token-percent-decoded' });
    const first = await emulator.call({ ...RUN, ClientToken: 'ab%41c' });
    expect(items(first.body.instancesSet)[0].clientToken).toBe('abAc');
    expect(await reservation(emulator, { ClientToken: 'abAc' })).toBe(first.body.reservationId);
    const described = await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'abAc' });
    expect(items(described.body.reservationSet).map((r) => r.reservationId)).toEqual([first.body.reservationId]);
    expect(emulator.handler.stats().launches).toBe(1);
  });

  it('is absent from the reference, which keeps ab%41c as sent', async () => {
    const emulator = inProcessEmulator();
    const first = await emulator.call({ ...RUN, ClientToken: 'ab%41c' });
    expect(items(first.body.instancesSet)[0].clientToken).toBe('ab%41c');
    expect(await reservation(emulator, { ClientToken: 'abAc' })).not.toBe(first.body.reservationId);
  });
});
