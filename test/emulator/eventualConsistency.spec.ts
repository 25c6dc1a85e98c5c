// lifecycle.listingDelayMs: a new resource is neither listed nor found by id until the delay has
// passed, answering as an unknown id would; token replays answer at once throughout.
import { describe, expect, it } from 'vitest';
import { isListedAt } from '../../emulator/eventualConsistency.ts';
import { RUN, fakeClock, inProcessEmulator, items } from './support/inProcess.ts';
import type { Answer } from './support/inProcess.ts';

const DELAY = 150;

function instanceIds(answer: Answer): string[] {
  expect(answer.status).toBe(200);
  return items(answer.body.reservationSet).flatMap((reservation) => items(reservation.instancesSet).map((instance) => instance.instanceId));
}

describe('isListedAt', () => {
  it('hides a resource for exactly listingDelayMs, and never with 0', () => {
    expect(isListedAt(1000, 1000, { listingDelayMs: 0 })).toBe(true);
    expect(isListedAt(1000, 1149, { listingDelayMs: DELAY })).toBe(false);
    expect(isListedAt(1000, 1150, { listingDelayMs: DELAY })).toBe(true);
  });
});

describe('eventual consistency of instances', () => {
  it('neither lists nor finds a new instance until the delay passes; replays answer at once', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock, lifecycle: { listingDelayMs: DELAY } });
    const older = items((await emulator.call({ ...RUN, ClientToken: 'old' })).body.instancesSet)[0].instanceId;
    clock.advance(DELAY);
    const launched = await emulator.call({ ...RUN, ClientToken: 'T' });
    expect(launched.status).toBe(200);
    const id: string = items(launched.body.instancesSet)[0].instanceId;

    expect(instanceIds(await emulator.call({ Action: 'DescribeInstances' }))).toEqual([older]);
    expect(instanceIds(await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'T' }))).toEqual([]);
    expect(instanceIds(await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'instance-id', 'Filter.1.Value.1': id }))).toEqual([]);
    const byId = await emulator.call({ Action: 'DescribeInstances', 'InstanceId.1': id });
    expect([byId.status, byId.code, byId.body.Errors.Error.Message]).toEqual([400, 'InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`]);
    const terminate = await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': id });
    expect([terminate.status, terminate.code]).toEqual([400, 'InvalidInstanceID.NotFound']);

    const replay = await emulator.call({ ...RUN, ClientToken: 'T' });
    expect(replay.status).toBe(200);
    expect(replay.body.reservationId).toBe(launched.body.reservationId);
    expect(emulator.handler.stats().launches).toBe(2);

    clock.advance(DELAY - 1);
    expect((await emulator.call({ Action: 'DescribeInstances', 'InstanceId.1': id })).code).toBe('InvalidInstanceID.NotFound');
    clock.advance(1);
    expect(instanceIds(await emulator.call({ Action: 'DescribeInstances', 'InstanceId.1': id }))).toEqual([id]);
    expect(instanceIds(await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'T' }))).toEqual([id]);
    expect((await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': id })).status).toBe(200);
  });

  it('lists at once by default', async () => {
    const emulator = inProcessEmulator({ clock: fakeClock() });
    const id = items((await emulator.call(RUN)).body.instancesSet)[0].instanceId;
    expect(instanceIds(await emulator.call({ Action: 'DescribeInstances', 'InstanceId.1': id }))).toEqual([id]);
  });
});

describe('eventual consistency of launch templates', () => {
  it('answers NotFound for a new template by id and by name, lists it after the delay; replays answer at once', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock, variant: 'eventual-consistency' });
    const create = { Action: 'CreateLaunchTemplate', LaunchTemplateName: 'fresh', 'LaunchTemplateData.ImageId': 'ami-12345678', ClientToken: 'T' };
    const created = await emulator.call(create);
    expect(created.status).toBe(200);
    const id: string = created.body.launchTemplate.launchTemplateId;

    expect(items((await emulator.call({ Action: 'DescribeLaunchTemplates' })).body.launchTemplates)).toEqual([]);
    expect((await emulator.call({ Action: 'DescribeLaunchTemplates', 'LaunchTemplateId.1': id })).code).toBe('InvalidLaunchTemplateId.NotFound');
    expect((await emulator.call({ Action: 'DescribeLaunchTemplates', 'LaunchTemplateName.1': 'fresh' })).code).toBe('InvalidLaunchTemplateName.NotFoundException');
    const deleteById = await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: id });
    expect([deleteById.status, deleteById.code]).toEqual([400, 'InvalidLaunchTemplateId.NotFound']);
    expect((await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateName: 'fresh' })).code).toBe('InvalidLaunchTemplateName.NotFoundException');
    const replay = await emulator.call(create);
    expect(replay.status).toBe(200);
    expect(replay.body.launchTemplate).toEqual(created.body.launchTemplate);

    clock.advance(DELAY);
    expect(items((await emulator.call({ Action: 'DescribeLaunchTemplates' })).body.launchTemplates).map((t) => t.launchTemplateId)).toEqual([id]);
    expect((await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: id })).status).toBe(200);
  });
});
