import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions } from '../../emulator/server.ts';
import type { RunInstancesParams } from '../../generators/runInstancesParams.ts';
import { runInstances } from '../../harness/actions/runInstances.ts';
import { Session } from '../../harness/exchange.ts';
import type { Outcome } from '../../harness/outcome.ts';
import { RuleHarness } from '../../harness/ruleHarness.ts';
import { checkTargetConfig, resolveTarget } from '../../harness/target.ts';
import { TokenMinter } from '../../harness/tokens.ts';

// Read-backs and deletes against an endpoint that lists what it creates only after a delay
// (EC2's eventual consistency): they wait for what they expect, and still see what came late.
const closers: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(closers.map((close) => close())));

const PARAMS: RunInstancesParams = { ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, Tags: [] };
const idsOf = (outcome: Outcome) => (outcome.kind === 'ok' ? runInstances.created(outcome).map((r) => r.id) : []);

async function harness(options: EmulatorOptions, testId: string) {
  const emulator = await startEmulator({ regions: ['us-east-1'], ...options });
  const target = resolveTarget(checkTargetConfig({ endpoint: emulator.url, regions: ['us-east-1'], imageId: PARAMS.ImageId, credentials: { accessKeyId: '111111111111', secretAccessKey: 'x' } }, 't'));
  const session = new Session(target);
  closers.push(() => session.close(), () => emulator.close());
  return { emulator, h: new RuleHarness({ target, adapter: runInstances, session, minter: new TokenMinter(), runId: 'rb', testId }) };
}

describe('ReadBack on an endpoint that lists new instances 300 ms late', () => {
  it('waits until what it expects is listed', async () => {
    const { h } = await harness({ lifecycle: { listingDelayMs: 300 } }, 'rb.wait');
    const context = h.newCase();
    const ids = idsOf(await h.create(PARAMS, h.mint('wait-token'), context));
    expect(ids).toHaveLength(1);
    const once = await h.observe(context);
    expect(once.kind === 'observed' && once.resources.map((r) => r.id)).toEqual([]);
    const waited = await h.observe(context, { expect: ids });
    expect(waited.kind === 'observed' && waited.resources.map((r) => r.id)).toEqual(ids);
    await h.endCase();
  });

  it('looks once more when something written after the expected resources may still be on its way', async () => {
    const { h } = await harness({ lifecycle: { listingDelayMs: 300 }, bug: 'replay-launches-again' }, 'rb.late');
    const context = h.newCase();
    const token = h.mint('late-token');
    const first = idsOf(await h.create(PARAMS, token, context));
    await delay(200);
    // Answers the first launch again, but launches a duplicate, which is listed 200 ms after the first.
    expect(idsOf(await h.create(PARAMS, token, context))).toEqual(first);
    const seen = await h.observe(context, { expect: first });
    const ids = seen.kind === 'observed' ? seen.resources.map((r) => r.id) : [];
    expect(ids).toHaveLength(2);
    expect(ids).toContain(first[0]);
    await h.endCase();
  });

  it('a delete of an instance not listed yet is repeated until it is found, not taken as done', async () => {
    const { emulator, h } = await harness({ lifecycle: { listingDelayMs: 300 } }, 'rb.delete');
    const context = h.newCase();
    const ids = idsOf(await h.create(PARAMS, h.mint('delete-token'), context));
    const [outcome] = await h.remove(ids);
    expect(outcome).toMatchObject({ kind: 'ok', root: 'TerminateInstancesResponse' });
    expect(h.seen.filter((o) => o.kind === 'ec2-error').map((o) => (o.kind === 'ec2-error' ? o.code : ''))[0]).toBe('InvalidInstanceID.NotFound');
    expect(emulator.stats().resourcesAlive.instances).toBe(0);
    await h.endCase();
  });
});
