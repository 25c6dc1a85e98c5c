import { describe, expect, it } from 'vitest';
import { RUN, claimedIdentity, fakeClock, inProcessEmulator, items } from './support/inProcess.ts';
import type { Answer, Params } from './support/inProcess.ts';

const LAUNCH = { ...RUN, MaxCount: 2, InstanceType: 't3.micro', 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'web' };

function instancesOf(answer: Answer): any[] {
  return items(answer.body.instancesSet);
}

/** Everything but the state and the request id. */
function withoutVolatile(answer: Answer): unknown {
  const { requestId, ...rest } = answer.body;
  return { ...rest, instancesSet: instancesOf(answer).map(({ instanceState, ...instance }) => instance) };
}

describe('idempotency layer', () => {
  it('replays the same response: same ids, times, addresses and tags; only state and request id differ', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock });
    const first = await emulator.call({ ...LAUNCH, ClientToken: 'tok-1' });
    clock.advance(1000);
    const second = await emulator.call({ ...LAUNCH, ClientToken: 'tok-1' });
    expect(first.status).toBe(200);
    expect(withoutVolatile(second)).toEqual(withoutVolatile(first));
    expect(second.body.requestId).not.toBe(first.body.requestId);
    expect(instancesOf(first).map((i) => i.instanceState.name)).toEqual(['pending', 'pending']);
    expect(instancesOf(second).map((i) => i.instanceState.name)).toEqual(['running', 'running']);
    expect(instancesOf(first).map((i) => [i.amiLaunchIndex, i.clientToken])).toEqual([['0', 'tok-1'], ['1', 'tok-1']]);
    expect(emulator.handler.stats()).toMatchObject({ launches: 2, replays: 1 });
  });

  it('refuses a changed parameter with 400 IdempotentParameterMismatch and launches nothing', async () => {
    const emulator = inProcessEmulator();
    await emulator.call({ ...LAUNCH, ClientToken: 'tok' });
    const changes: Params[] = [{ InstanceType: 't3.large' }, { MaxCount: 1 }, { KeyName: 'k' }, { 'TagSpecification.1.Tag.1.Value': 'db' }];
    for (const changed of changes) {
      const answer = await emulator.call({ ...LAUNCH, ...changed, ClientToken: 'tok' });
      expect([answer.status, answer.code]).toEqual([400, 'IdempotentParameterMismatch']);
      expect(answer.body.Errors.Error.Message).toBe('Arguments on this idempotent request are inconsistent with arguments used in previous request(s).');
    }
    expect(emulator.handler.stats()).toMatchObject({ launches: 2, mismatches: 4 });
  });

  it('replays a GET of the same parameters and ignores Version and the order of parameters', async () => {
    const emulator = inProcessEmulator();
    const post = await emulator.call({ ...LAUNCH, ClientToken: 'tok' });
    const reordered = Object.fromEntries(Object.entries({ ...LAUNCH, ClientToken: 'tok', Version: '2015-10-01' }).reverse());
    const get = await emulator.call(reordered, { method: 'GET' });
    expect(get.body.reservationId).toBe(post.body.reservationId);
    expect(emulator.handler.stats().launches).toBe(2);
  });

  it('scopes tokens by account, region, action, zone and exact case', async () => {
    const emulator = inProcessEmulator();
    const reservation = async (params: object, headers = {}): Promise<string> => (await emulator.call({ ...RUN, ...params }, { headers })).body.reservationId;
    const base = await reservation({ ClientToken: 'T' });
    const others = [
      await reservation({ ClientToken: 't' }),
      await reservation({ ClientToken: 'T' }, claimedIdentity('111122223333', 'us-east-1')),
      await reservation({ ClientToken: 'T' }, claimedIdentity('AKIDANY', 'us-west-2')),
      await reservation({ ClientToken: 'T', 'Placement.AvailabilityZone': 'us-east-1b' }),
      await reservation({ ClientToken: 'T', 'Placement.AvailabilityZone': 'us-east-1c' }),
    ];
    expect(new Set([base, ...others]).size).toBe(6);
    const template = await emulator.call({ Action: 'CreateLaunchTemplate', LaunchTemplateName: 'same-token', 'LaunchTemplateData.ImageId': 'ami-12345678', ClientToken: 'T' });
    expect(template.status).toBe(200);
  });

  it('launches every time without a token, and treats an empty token as none', async () => {
    const emulator = inProcessEmulator();
    await emulator.call(RUN);
    await emulator.call(RUN);
    await emulator.call({ ...RUN, ClientToken: '' });
    expect(emulator.handler.stats().launches).toBe(3);
  });

  it('serializes concurrent duplicates: exactly one launch, every answer the same reservation', async () => {
    const emulator = inProcessEmulator({ faults: { criticalSectionLatencyMs: 20 } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => emulator.call({ ...RUN, ClientToken: 'race' })));
    expect(new Set(answers.map((answer) => answer.body.reservationId)).size).toBe(1);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(emulator.handler.stats().launches).toBe(1);
  });

  it("in 'in-progress' mode answers late duplicates 400 IncorrectState and still launches once", async () => {
    const emulator = inProcessEmulator({ concurrentDuplicates: 'in-progress', faults: { criticalSectionLatencyMs: 20 } });
    const answers = await Promise.all(Array.from({ length: 5 }, () => emulator.call({ ...RUN, ClientToken: 'race' })));
    expect(answers.map((answer) => answer.code ?? answer.status)).toEqual([200, 'IncorrectState', 'IncorrectState', 'IncorrectState', 'IncorrectState']);
    expect(answers[1]!.status).toBe(400);
    expect(emulator.handler.stats().launches).toBe(1);
    const retry = await emulator.call({ ...RUN, ClientToken: 'race' });
    expect(retry.body.reservationId).toBe(answers[0]!.body.reservationId);
  });

  it('does not bind the token when validation or the create fails', async () => {
    const emulator = inProcessEmulator();
    expect((await emulator.call({ ...RUN, MaxCount: 0, ClientToken: 'tok' })).code).toBe('InvalidParameterValue');
    expect((await emulator.call({ ...RUN, ImageId: 'bad', ClientToken: 'tok' })).code).toBe('InvalidAMIID.Malformed');
    expect((await emulator.call({ ...RUN, ClientToken: 'tok' })).status).toBe(200);
    const template = { Action: 'CreateLaunchTemplate', LaunchTemplateName: 'taken', 'LaunchTemplateData.ImageId': 'ami-12345678' };
    await emulator.call(template);
    expect((await emulator.call({ ...template, ClientToken: 'lt-tok' })).code).toBe('InvalidLaunchTemplateName.AlreadyExistsException');
    await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateName: 'taken' });
    expect((await emulator.call({ ...template, ClientToken: 'lt-tok' })).status).toBe(200);
  });

  it('answers DryRun 412 after full validation, without consuming the token', async () => {
    const emulator = inProcessEmulator();
    const dry = await emulator.call({ ...RUN, ClientToken: 'tok', DryRun: true });
    expect([dry.status, dry.code]).toEqual([412, 'DryRunOperation']);
    expect((await emulator.call({ ...RUN, ClientToken: 'x'.repeat(65), DryRun: true })).code).toBe('InvalidParameterValue');
    expect((await emulator.call({ ...RUN, ImageId: 'nope', ClientToken: 'tok', DryRun: true })).code).toBe('InvalidAMIID.Malformed');
    expect(emulator.handler.stats().launches).toBe(0);
    expect((await emulator.call({ ...RUN, MaxCount: 2, ClientToken: 'tok' })).status).toBe(200);
  });

  it('keeps tokens after termination and after the instance is no longer visible', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock });
    const first = await emulator.call({ ...RUN, ClientToken: 'tok' });
    const id = instancesOf(first)[0].instanceId;
    await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': id });
    clock.advance(2 * 3_600_000);
    const replay = await emulator.call({ ...RUN, ClientToken: 'tok' });
    expect(replay.body.reservationId).toBe(first.body.reservationId);
    expect(instancesOf(replay)[0].instanceState).toEqual({ code: '48', name: 'terminated' });
    expect((await emulator.call({ Action: 'DescribeInstances', 'InstanceId.1': id })).code).toBe('InvalidInstanceID.NotFound');
    expect((await emulator.call({ ...RUN, InstanceType: 'm5.large', ClientToken: 'tok' })).code).toBe('IdempotentParameterMismatch');
    expect(emulator.handler.stats().launches).toBe(1);
  });

  it("answers 400 IdempotentInstanceTerminated once terminated when terminatedReplay is 'error'", async () => {
    const emulator = inProcessEmulator({ terminatedReplay: 'error' });
    const first = await emulator.call({ ...RUN, MaxCount: 2, ClientToken: 'tok' });
    const [a, b] = instancesOf(first).map((instance) => instance.instanceId);
    await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': a });
    expect((await emulator.call({ ...RUN, MaxCount: 2, ClientToken: 'tok' })).status).toBe(200);
    await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': b });
    const refused = await emulator.call({ ...RUN, MaxCount: 2, ClientToken: 'tok' });
    expect([refused.status, refused.code]).toEqual([400, 'IdempotentInstanceTerminated']);
    expect(emulator.handler.stats().launches).toBe(2);
  });

  it('commits, then answers 500, and the retry replays the committed launch', async () => {
    const emulator = inProcessEmulator({ faults: { commitThen500Rate: 1 } });
    const failed = await emulator.call({ ...RUN, ClientToken: 'tok' });
    expect([failed.status, failed.code]).toEqual([500, 'InternalError']);
    const retry = await emulator.call({ ...RUN, ClientToken: 'tok' });
    expect(retry.status).toBe(200);
    const described = await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'tok' });
    expect(items(described.body.reservationSet)).toHaveLength(1);
    expect(emulator.handler.stats()).toMatchObject({ launches: 1, faultsInjected: { commitThen500: 1 } });
  });

  it('replays CreateLaunchTemplate with the original answer, even after the template was deleted', async () => {
    const emulator = inProcessEmulator();
    const create = { Action: 'CreateLaunchTemplate', LaunchTemplateName: 'tpl', 'LaunchTemplateData.InstanceType': 't3.micro', ClientToken: 'c'.repeat(128) };
    const first = await emulator.call(create);
    await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: first.body.launchTemplate.launchTemplateId });
    const replay = await emulator.call(create);
    expect(replay.body.launchTemplate).toEqual(first.body.launchTemplate);
    expect(emulator.handler.stats().resourcesAlive.launchTemplates).toBe(0);
  });
});
