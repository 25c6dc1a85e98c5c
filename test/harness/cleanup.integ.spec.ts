import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResolvedRegion, ResolvedTarget } from '../../harness/target.ts';
import type { RunInstancesParams } from '../../generators/runInstancesParams.ts';
import { RUN_TAG, TEST_TAG } from '../../harness/actions/action.ts';
import { createLaunchTemplate } from '../../harness/actions/createLaunchTemplate.ts';
import { createTrafficMirrorFilter } from '../../harness/actions/createTrafficMirrorFilter.ts';
import { LOOPBACK_POLICY } from '../../harness/retry.constants.ts';
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

/** A proxy in front of the emulator: `intercept` may answer a request body itself; every body is kept. */
async function proxyInFront(intercept: (body: string) => { status: number; type: string; body: string } | undefined) {
  const bodies: string[] = [];
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      const own = intercept(body);
      if (own) {
        res.writeHead(own.status, { 'content-type': own.type }).end(own.body);
        return;
      }
      // The request was signed for the proxy's host: forward it with that Host header untouched.
      const answer = await request(new URL(req.url ?? '/', emulator.url), { method: 'POST', headers: req.headers, body });
      res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? 'text/xml') }).end(await answer.body.text());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const viaProxy = (region: ResolvedRegion): ResolvedRegion => ({ ...region, endpoint: new URL(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`) });
  const proxied: ResolvedTarget = { ...target, regions: [viaProxy(target.regions[0]), ...target.regions.slice(1).map(viaProxy)] };
  return { proxied, bodies, close: () => new Promise((resolve) => proxy.close(resolve)) };
}

describe('sweepRun against an endpoint that cannot delete a kind of resource', () => {
  it('asks once per pass, says so, and counts what stays as left behind', async () => {
    // DeleteTrafficMirrorFilter answers an HTML 500, as moto does.
    const endpoint = await proxyInFront((body) =>
      body.includes('Action=DeleteTrafficMirrorFilter') ? { status: 500, type: 'text/html', body: '<!doctype html><title>500 Internal Server Error</title>' } : undefined,
    );
    try {
      const filters = new RuleHarness({ target: endpoint.proxied, adapter: createTrafficMirrorFilter, session: new Session(endpoint.proxied), minter, runId: 'undeletable-run', testId: 'undeletable-run.t' });
      for (const n of [1, 2, 3]) expect(await filters.create({ Options: {}, Tags: [] }, minter.mint(`undeletable-token-${n}`), filters.newCase())).toMatchObject({ kind: 'ok' });
      const swept = await sweepRun(endpoint.proxied, 'undeletable-run', [{ tag: RUN_TAG, value: 'undeletable-run', actions: ['CreateTrafficMirrorFilter'] }]);
      expect(swept.removed).toBe(0);
      expect(swept.leftBehind).toBe(3);
      expect(swept.problems.join('\n')).toMatch(/DeleteTrafficMirrorFilter does not work here \(500 malformed/);
      // One probe per pass (each with the client's retries), never one per filter per round.
      const deletes = endpoint.bodies.filter((body) => body.includes('Action=DeleteTrafficMirrorFilter')).length;
      expect(deletes).toBeLessThanOrEqual(2 * LOOPBACK_POLICY.maxAttempts);
    } finally {
      await endpoint.close();
    }
  });
});

describe('the sweep lists only live instances first, and everything when it counts', () => {
  const STATE_FILTER = /Filter\.\d+\.Name=instance-state-name/;
  const refused = { status: 400, type: 'text/xml', body: '<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>The filter \'instance-state-name\' is invalid</Message></Error></Errors><RequestID>r</RequestID></Response>' };

  for (const refuses of [false, true]) {
    it(refuses ? 'an endpoint that refuses the state filter is asked again without it, and is swept all the same' : 'the deleting pass filters by state; the look that counts leftovers does not', async () => {
      const endpoint = await proxyInFront((body) => (refuses && STATE_FILTER.test(body) ? refused : undefined));
      const runId = refuses ? 'state-filter-refused' : 'state-filter-kept';
      try {
        const session = new Session(endpoint.proxied);
        const h = new RuleHarness({ target: endpoint.proxied, adapter: runInstances, session, minter, runId, testId: `${runId}.left` });
        expect(await h.create(PARAMS, minter.mint(`${runId}-1`), h.newCase())).toMatchObject({ kind: 'ok' });
        // A case that ended: its instances are terminated, still listed, and not the sweep's to delete.
        const ended = new RuleHarness({ target: endpoint.proxied, adapter: runInstances, session, minter, runId, testId: `${runId}.ended` });
        expect(await ended.create(PARAMS, minter.mint(`${runId}-2`), ended.newCase())).toMatchObject({ kind: 'ok' });
        await ended.endCase();
        const swept = await sweepRun(endpoint.proxied, runId, [{ tag: RUN_TAG, value: runId, actions: ['RunInstances'] }]);
        expect(swept).toEqual({ removed: 2, leftBehind: 0, problems: [] });
        const listings = endpoint.bodies.filter((body) => body.includes('Action=DescribeInstances') && body.includes(encodeURIComponent(runId)));
        const narrowed = listings.filter((body) => STATE_FILTER.test(body));
        // Two regions: each deleting pass lists narrowed (twice: it looks again until nothing is left); each count lists everything.
        expect(narrowed.length).toBeGreaterThanOrEqual(2);
        expect(listings.length - narrowed.length).toBeGreaterThanOrEqual(refuses ? 4 : 2);
        expect(alive(await h.observeTag(RUN_TAG, runId))).toBe(0);
      } finally {
        await endpoint.close();
      }
    });
  }
});
