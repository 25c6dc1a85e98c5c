// The idempotency layer's promises, checked on every token-taking action it was extended to: a
// create echoes the token where EC2 does, a replay answers the same and creates nothing, a change
// is a mismatch, the token outlives the resource, and describe/delete see the resource by id and
// tag, answer NotFound once it is gone, and not before the listing delay has passed.
import { describe, expect, it } from 'vitest';
import { fakeClock, inProcessEmulator } from '../support/inProcess.ts';
import type { Answer, InProcessEmulator, Params } from '../support/inProcess.ts';
import { CASES, ok, tagged } from './cases.ts';
import type { TokenActionCase } from './cases.ts';

const DELAY = 100;

async function prepared(c: TokenActionCase, emulator: InProcessEmulator, settle: () => void = () => {}): Promise<{ parents: Params; create: Params }> {
  const parents = (await c.setup?.(emulator, settle)) ?? {};
  return { parents, create: { Action: c.action, ...parents, ...c.params } };
}

function creates(emulator: InProcessEmulator, action: string): number {
  return emulator.handler.stats().creates[action] ?? 0;
}

function withoutRequestId(answer: Answer): unknown {
  const { requestId, ...rest } = answer.body;
  return rest;
}

function deleteReportsNotFound(c: TokenActionCase, answer: Answer): boolean {
  if (c.deleteNotFound) return answer.status === 200 && c.deleteNotFound(answer) !== undefined;
  return answer.status === 400 && answer.code === c.notFound;
}

describe.each(CASES)('$action through the idempotency layer', (c) => {
  it('creates, echoes the token where EC2 does, and accepts tokens up to its limit only', async () => {
    const emulator = inProcessEmulator();
    const { create } = await prepared(c, emulator);
    const longest = 'k'.repeat(c.tokenLimit);
    const first = await emulator.call({ ...create, ClientToken: longest });
    expect(first.status).toBe(200);
    expect(c.idOf(first.body)).toBeTruthy();
    expect(first.body.clientToken).toBe(c.echoesToken ? longest : undefined);
    const tooLong = await emulator.call({ ...create, ClientToken: `${longest}k` });
    expect([tooLong.status, tooLong.code]).toEqual([400, 'InvalidParameterValue']);
    expect(creates(emulator, c.action)).toBe(1);
  });

  it('replays the same answer and creates nothing more; a changed parameter is a mismatch', async () => {
    const emulator = inProcessEmulator();
    const { parents, create } = await prepared(c, emulator);
    const before = c.listedIds(await ok(emulator, c.describeAll(parents))).length;
    const first = await emulator.call({ ...create, ClientToken: 'tok' });
    const again = await emulator.call({ ...create, ClientToken: 'tok' });
    expect(again.status).toBe(200);
    expect(withoutRequestId(again)).toEqual(withoutRequestId(first));
    const changed = await emulator.call({ ...create, ...c.change, ClientToken: 'tok' });
    expect([changed.status, changed.code]).toEqual([400, 'IdempotentParameterMismatch']);
    expect(creates(emulator, c.action)).toBe(1);
    expect(c.listedIds(await ok(emulator, c.describeAll(parents)))).toHaveLength(before + 1);
  });

  it('is found by id, and by tag where the action takes tags', async () => {
    const emulator = inProcessEmulator();
    const { parents, create } = await prepared(c, emulator);
    const tags = (value: string): Params => (c.tagType ? tagged(c.tagType, 'team', value) : {});
    const mine = c.idOf(await ok(emulator, { ...create, ...tags('blue'), ClientToken: 'a' }));
    const other = c.idOf(await ok(emulator, { ...create, ...c.change, ...tags('green'), ClientToken: 'b' }));
    expect(c.listedIds(await ok(emulator, c.describeById(mine, parents)))).toEqual([mine]);
    const all = c.listedIds(await ok(emulator, c.describeAll(parents)));
    expect(all).toEqual(expect.arrayContaining([mine, other]));
    if (c.tagType) {
      const byTag = await ok(emulator, { ...c.describeAll(parents), 'Filter.1.Name': 'tag:team', 'Filter.1.Value.1': 'blue' });
      expect(c.listedIds(byTag)).toEqual([mine]);
    }
  });

  it('deletes; then describe and delete answer NotFound (or the deleted state, where EC2 keeps listing it), and the token still replays without creating', async () => {
    const emulator = inProcessEmulator();
    const { parents, create } = await prepared(c, emulator);
    const first = await emulator.call({ ...create, ClientToken: 'tok' });
    const id = c.idOf(first.body);
    await ok(emulator, c.deleteById(id, parents));
    if (c.lingeringState) {
      expect(c.lingeringState(await ok(emulator, c.describeById(id, parents)))).toMatch(/^delet(ing|ed)$/);
      expect((await emulator.call(c.deleteById(id, parents))).status).toBe(200);
    } else {
      const described = await emulator.call(c.describeById(id, parents));
      expect([described.status, described.code]).toEqual([400, c.notFound]);
      expect(deleteReportsNotFound(c, await emulator.call(c.deleteById(id, parents)))).toBe(true);
      expect(c.listedIds(await ok(emulator, c.describeAll(parents)))).not.toContain(id);
    }
    const replay = await emulator.call({ ...create, ClientToken: 'tok' });
    expect(withoutRequestId(replay)).toEqual(withoutRequestId(first));
    expect(creates(emulator, c.action)).toBe(1);
  });

  it('neither lists nor finds a new resource during the listing delay; replays answer at once', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock, lifecycle: { listingDelayMs: DELAY } });
    const { parents, create } = await prepared(c, emulator, () => clock.advance(DELAY));
    const first = await emulator.call({ ...create, ClientToken: 'tok' });
    const id = c.idOf(first.body);
    expect(c.listedIds(await ok(emulator, c.describeAll(parents)))).not.toContain(id);
    expect((await emulator.call(c.describeById(id, parents))).code).toBe(c.notFound);
    expect(deleteReportsNotFound(c, await emulator.call(c.deleteById(id, parents)))).toBe(true);
    expect(withoutRequestId(await emulator.call({ ...create, ClientToken: 'tok' }))).toEqual(withoutRequestId(first));
    clock.advance(DELAY - 1);
    expect((await emulator.call(c.describeById(id, parents))).code).toBe(c.notFound);
    clock.advance(1);
    expect(c.listedIds(await ok(emulator, c.describeById(id, parents)))).toEqual([id]);
    expect(c.listedIds(await ok(emulator, c.describeAll(parents)))).toContain(id);
    await ok(emulator, c.deleteById(id, parents));
  });

  it('answers NotFound for an id that never existed', async () => {
    const emulator = inProcessEmulator();
    const { parents } = await prepared(c, emulator);
    const unknown = c.action === 'CreateLaunchTemplateVersion' ? '99' : 'x-0123456789abcdef0';
    expect((await emulator.call(c.describeById(unknown, parents))).code).toBe(c.notFound);
    expect(deleteReportsNotFound(c, await emulator.call(c.deleteById(unknown, parents)))).toBe(true);
  });
});
