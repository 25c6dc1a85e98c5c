import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server.ts';
import { runInstances } from '../../harness/actions/runInstances.ts';
import { Session } from '../../harness/exchange.ts';
import { RuleHarness } from '../../harness/ruleHarness.ts';
import { checkTargetConfig, resolveTarget, type TargetConfig } from '../../harness/target.ts';
import { TokenMinter } from '../../harness/tokens.ts';
import { notPassed, runAgainst } from '../../selftest/runAgainst.ts';
import type { RuleId } from '../../specs/ruleIds.ts';
import { runSuite } from '../../specs/runSuite.ts';

// Each way today's verdict went wrong, reproduced against a server the test starts, with the
// verdict it must give now (issue: "A verdict is evidence").
const emulators: RunningEmulator[] = [];
afterAll(() => Promise.all(emulators.map((e) => e.close())));

/** The reference emulator with two regions and two accounts (12-digit keys name their account). */
async function endpoint(options: EmulatorOptions): Promise<TargetConfig> {
  const emulator = await startEmulator({ regions: ['us-east-1', 'us-west-2'], ...options });
  emulators.push(emulator);
  return checkTargetConfig({
    endpoint: emulator.url,
    regions: ['us-east-1', 'us-west-2'],
    imageId: 'ami-0123456789abcdef0',
    credentials: { accessKeyId: '111111111111', secretAccessKey: 'x' },
    secondaryCredentials: { accessKeyId: '222222222222', secretAccessKey: 'x' },
    actions: ['RunInstances'],
  }, 'test');
}

const settings = (target: TargetConfig, seed: number) => ({ target, runId: `verdicts${seed}`, seed, replayBase: 'npx ec2-idem run' });
const statuses = (verdicts: readonly { rule: string; action: string; status: string }[]) => verdicts.map((v) => `${v.rule} ${v.action} ${v.status}`).sort();

describe('an endpoint whose describe filters are patterns, as AWS documents', () => {
  it('finds each launch by its own token, whatever the token holds: *, ? and backslashes are sent escaped', async () => {
    const target = resolveTarget(await endpoint({}));
    const session = new Session(target);
    const h = new RuleHarness({ target, adapter: runInstances, session, minter: new TokenMinter(), runId: 'pattern', testId: 'pattern.t' });
    try {
      const context = h.newCase();
      const tokens = ['aaaa\\aaaa', 'aaaaaaaa', 'ab*', 'abc', 'a?c', 'a\\\\'];
      const launched = new Map<string, string[]>();
      for (const token of tokens) {
        const outcome = await h.create({ ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, Tags: [] }, token, context);
        expect(outcome.kind).toBe('ok');
        launched.set(token, outcome.kind === 'ok' ? runInstances.created(outcome).map((r) => r.id) : []);
      }
      for (const token of tokens) {
        const seen = await h.observeToken(token, { expect: launched.get(token) });
        expect({ token, ids: seen.kind === 'observed' ? seen.resources.map((r) => r.id) : seen }).toEqual({ token, ids: launched.get(token) });
      }
      // Sent raw, the same values mean something else to this endpoint: that was the false failure.
      const raw = await session.exchange({ action: 'DescribeInstances', params: { Filter: [{ Name: 'client-token', Value: ['aaaa\\aaaa'] }] } });
      expect(raw.kind === 'ok' && runInstances.observed(raw).resources.map((r) => r.id)).toEqual(launched.get('aaaaaaaa'));
    } finally {
      await h.endCase();
      await session.close();
    }
  });

  it('passes the rules that read back by token (they false-failed on tokens such as aaaa\\aaaa)', async () => {
    const target = await endpoint({});
    const run = await runSuite({ settings: settings(target, 11), only: ['TOKEN-FORMAT', 'AT-MOST-ONCE', 'DESCRIBE-TOKEN', 'LOST-RESPONSE'] });
    expect(notPassed(run.verdicts)).toEqual([]);
    expect(run.verdicts).toHaveLength(4);
  });
});

describe('an endpoint that lists new instances only 400 ms after launch (eventual consistency)', () => {
  it('passes the ten rules that read back, because read-backs wait for what they expect', async () => {
    const target = await endpoint({ lifecycle: { listingDelayMs: 400 } });
    const rules: RuleId[] = ['TOKEN-FORMAT', 'AT-MOST-ONCE', 'PARAM-MISMATCH', 'EQUIVALENT-ENCODING', 'REGION-SCOPE', 'DESCRIBE-TOKEN', 'LOST-RESPONSE', 'CONCURRENT-DUPLICATES', 'ACCOUNT-SCOPE', 'DRYRUN'];
    const run = await runSuite({ settings: settings(target, 12), only: rules, defaultRuns: 5 });
    expect(notPassed(run.verdicts)).toEqual([]);
    expect(statuses(run.verdicts)).toEqual(rules.map((rule) => `${rule} RunInstances passed`).sort());
  });

  it('still sees a duplicate that shows up late: a replay that launches again fails AT-MOST-ONCE', async () => {
    const target = await endpoint({ lifecycle: { listingDelayMs: 400 }, bug: 'replay-launches-again' });
    const run = await runSuite({ settings: settings(target, 13), only: ['AT-MOST-ONCE'], defaultRuns: 5, shrink: false });
    expect(statuses(run.verdicts)).toEqual(['AT-MOST-ONCE RunInstances failed']);
    // Failed for the right reason: the first launch was found, and the late duplicate beside it.
    const [, expected, found] = /expected exactly \[([^\]]*)\], found \[([^\]]*)\]/.exec(run.verdicts[0]?.failure?.message ?? '') ?? [];
    const [want, got] = [expected?.split(', ') ?? [], found?.split(', ') ?? []];
    expect(want.length).toBeGreaterThan(0);
    expect(got.length).toBeGreaterThan(want.length);
    for (const id of want) expect(got).toContain(id);
  });
});

describe('vacuous endpoints are never conformant', () => {
  it('nothing supported: the run is untested, with the cause', async () => {
    const run = await runAgainst({ bug: 'unsupported-everything' }, { seed: 1 });
    expect(run).toMatchObject({ conformance: 'untested', verdicts: [], stopped: expect.stringMatching(/^nothing to test: .* implements none of the tested actions \(RunInstances: 400 UnsupportedOperation; CreateLaunchTemplate: 400 UnsupportedOperation\)/) });
  });

  it('a 200 that creates nothing: the rules that create fail with "named nothing"', async () => {
    const run = await runAgainst({ bug: 'creates-nothing' }, { seed: 1, runs: 5 });
    expect(run.conformance).toBe('not-conformant');
    const passedRules = run.verdicts.filter((v) => v.status === 'passed').map((v) => `${v.rule} ${v.action}`);
    expect(passedRules).toEqual([]);
    const named = run.verdicts.filter((v) => v.status === 'failed' && /named nothing/.test(v.failure?.message ?? ''));
    expect(named.length).toBeGreaterThanOrEqual(20);
  });

  it('truncated answers: refused by the preflight', async () => {
    const run = await runAgainst({ bug: 'truncated-answers' }, { seed: 1 });
    expect(run).toMatchObject({ conformance: 'untested', verdicts: [], stopped: expect.stringMatching(/does not answer EC2: DescribeRegions \(us-east-1\) got 200 malformed \(not well-formed XML/) });
  });

  it('tokens never looked up (moto): the independence rules are inconclusive, never passed', async () => {
    const run = await runAgainst({ bug: 'tokens-ignored' }, { seed: 1, runs: 5, only: ['TOKEN-CASE', 'REGION-SCOPE', 'ACCOUNT-SCOPE', 'ACTION-SCOPE'] });
    expect(statuses(run.verdicts)).toEqual([
      'ACCOUNT-SCOPE CreateLaunchTemplate inconclusive',
      'ACCOUNT-SCOPE RunInstances inconclusive',
      'ACTION-SCOPE RunInstances inconclusive',
      'REGION-SCOPE CreateLaunchTemplate inconclusive',
      'REGION-SCOPE RunInstances inconclusive',
      'TOKEN-CASE CreateLaunchTemplate inconclusive',
      'TOKEN-CASE RunInstances inconclusive',
    ]);
    for (const verdict of run.verdicts) expect(verdict.reason).toMatch(/^positive control failed: the exact replay of the token/);
    expect(run.conformance).toBe('inconclusive');
  });

  it('a rule stopped by its time limit before its minimum of cases is skipped, not passed', async () => {
    const target = await endpoint({ faults: { responseLatencyMs: 150 } });
    const run = await runSuite({ settings: settings(target, 14), only: ['SAME-RESPONSE'], timeLimitMs: 1000 });
    expect(run.verdicts).toHaveLength(1);
    expect(run.verdicts[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^only \d of the minimum 5 cases ran: the time limit \(1 s\) stopped it/) });
  });
});
