import { describe, expect, it } from 'vitest';
import { RUN, fakeClock, inProcessEmulator, items } from '../support/inProcess.ts';
import type { InProcessEmulator } from '../support/inProcess.ts';

async function launch(emulator: InProcessEmulator, params: Record<string, string | number> = {}): Promise<string[]> {
  const answer = await emulator.call({ ...RUN, ...params });
  return items(answer.body.instancesSet).map((instance) => instance.instanceId);
}

describe('TerminateInstances', () => {
  it('terminates, is idempotent, and reports previous and current states', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock });
    const [id] = await launch(emulator);
    clock.advance(1000);
    const first = items((await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': id! })).body.instancesSet)[0];
    expect([first.previousState.name, first.currentState.name]).toEqual(['running', 'shutting-down']);
    clock.advance(1000);
    const again = items((await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': id! })).body.instancesSet)[0];
    expect([again.previousState.name, again.currentState]).toEqual(['terminated', { code: '48', name: 'terminated' }]);
    expect(emulator.handler.stats().resourcesAlive.instances).toBe(0);
  });

  it('requires ids, refuses unknown ones without terminating any, and respects DisableApiTermination', async () => {
    const emulator = inProcessEmulator();
    const [id] = await launch(emulator);
    expect((await emulator.call({ Action: 'TerminateInstances' })).code).toBe('MissingParameter');
    expect((await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': id!, 'InstanceId.2': 'i-0123456789abcdef0' })).code).toBe('InvalidInstanceID.NotFound');
    expect(emulator.handler.stats().resourcesAlive.instances).toBe(1);
    const [locked] = await launch(emulator, { DisableApiTermination: 'true' });
    expect((await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': locked! })).code).toBe('OperationNotPermitted');
    expect((await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': id!, DryRun: true })).code).toBe('DryRunOperation');
  });
});
