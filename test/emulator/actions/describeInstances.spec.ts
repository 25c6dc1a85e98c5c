import { describe, expect, it } from 'vitest';
import { RUN, fakeClock, inProcessEmulator, items } from '../support/inProcess.ts';
import type { Answer, InProcessEmulator } from '../support/inProcess.ts';

function instanceIds(answer: Answer): string[] {
  return items(answer.body.reservationSet).flatMap((reservation) => items(reservation.instancesSet).map((instance) => instance.instanceId));
}

async function launch(emulator: InProcessEmulator, params: Record<string, string | number> = {}): Promise<string[]> {
  const answer = await emulator.call({ ...RUN, ...params });
  return items(answer.body.instancesSet).map((instance) => instance.instanceId);
}

const describeCall = (params: Record<string, string | number> = {}) => ({ Action: 'DescribeInstances', ...params });

describe('DescribeInstances', () => {
  it('groups matching instances by reservation and lists only the matching ones', async () => {
    const emulator = inProcessEmulator();
    const [a, b] = await launch(emulator, { MaxCount: 2 });
    const answer = await emulator.call(describeCall({ 'InstanceId.1': b! }));
    const [reservation] = items(answer.body.reservationSet);
    expect(items(reservation.instancesSet).map((instance) => instance.instanceId)).toEqual([b]);
    expect(instanceIds(await emulator.call(describeCall()))).toEqual([a, b]);
  });

  it('ORs values within a filter and ANDs filters', async () => {
    const emulator = inProcessEmulator();
    const [web] = await launch(emulator, { ClientToken: 't1', 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'role', 'TagSpecification.1.Tag.1.Value': 'web' });
    const [db] = await launch(emulator, { ClientToken: 't2', 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'role', 'TagSpecification.1.Tag.1.Value': 'db' });
    await launch(emulator);
    const both = describeCall({ 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 't1', 'Filter.1.Value.2': 't2' });
    expect(instanceIds(await emulator.call(both))).toEqual([web, db]);
    expect(instanceIds(await emulator.call({ ...both, 'Filter.2.Name': 'tag:role', 'Filter.2.Value.1': 'db' }))).toEqual([db]);
    expect(instanceIds(await emulator.call(describeCall({ 'Filter.1.Name': 'tag-key', 'Filter.1.Value.1': 'role' })))).toEqual([web, db]);
    expect(instanceIds(await emulator.call(describeCall({ 'Filter.1.Name': 'instance-id', 'Filter.1.Value.1': db!, 'Filter.1.Value.2': 'i-00000000000000000' })))).toEqual([db]);
    expect(instanceIds(await emulator.call(describeCall({ 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'T1' })))).toEqual([]);
  });

  it('filters by instance-state-name from the clock', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock });
    const [first] = await launch(emulator);
    clock.advance(600);
    const [second] = await launch(emulator);
    expect(instanceIds(await emulator.call(describeCall({ 'Filter.1.Name': 'instance-state-name', 'Filter.1.Value.1': 'running' })))).toEqual([first]);
    expect(instanceIds(await emulator.call(describeCall({ 'Filter.1.Name': 'instance-state-name', 'Filter.1.Value.1': 'pending' })))).toEqual([second]);
  });

  it('paginates with MaxResults and NextToken, with nextToken only while more follow', async () => {
    const emulator = inProcessEmulator();
    const launched = await launch(emulator, { MaxCount: 12 });
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const answer = await emulator.call(describeCall({ MaxResults: 5, ...(nextToken ? { NextToken: nextToken } : {}) }));
      seen.push(...instanceIds(answer));
      nextToken = answer.body.nextToken;
      pages += 1;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(launched);
  });

  it.each([
    [{ 'InstanceId.1': 'i-0123456789abcdef0' }, 'InvalidInstanceID.NotFound'],
    [{ 'InstanceId.1': 'instance-1' }, 'InvalidInstanceID.Malformed'],
    [{ 'Filter.1.Name': 'flavour', 'Filter.1.Value.1': 'x' }, 'InvalidParameterValue'],
    [{ 'Filter.1.Name': 'client-token' }, 'InvalidParameterValue'],
    [{ MaxResults: 4 }, 'InvalidParameterValue'],
    [{ MaxResults: 1001 }, 'InvalidParameterValue'],
    [{ 'InstanceId.1': 'i-0123456789abcdef0', MaxResults: 5 }, 'InvalidParameterCombination'],
    [{ NextToken: 'garbage' }, 'InvalidPaginationToken'],
  ])('refuses %j with %s', async (params, code) => {
    const answer = await inProcessEmulator().call(describeCall(params));
    expect([answer.status, answer.code]).toEqual([400, code]);
  });

  it("names the filter in the message: The filter 'x' is invalid", async () => {
    const answer = await inProcessEmulator().call(describeCall({ 'Filter.1.Name': 'x', 'Filter.1.Value.1': 'y' }));
    expect(answer.body.Errors.Error.Message).toBe("The filter 'x' is invalid");
  });
});
