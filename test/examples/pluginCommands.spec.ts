// The example plugin (examples/vendor-plugin/) through the commands around a run, as a vendor
// would use them: `ec2-idem emulator --plugin` serves its action; `recheck --plugin` sends its
// tokens again; `cleanup --plugin` finds its leftovers. Without --plugin, recheck and cleanup say
// what they could not do instead of reporting the plugin's part as fine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_TAG } from '../../harness/actions/action.ts';
import { Session } from '../../harness/exchange.ts';
import { FixtureBook } from '../../harness/fixtures/fixtureBook.ts';
import { Ledger } from '../../harness/ledger.ts';
import { RuleHarness } from '../../harness/ruleHarness.ts';
import { checkTargetConfig, resolveTarget } from '../../harness/target.ts';
import { TokenMinter } from '../../harness/tokens.ts';
import type { Plugin } from '../../plugins/plugin.ts';
import { runNode } from '../support/runNode.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/ec2-idem.js');
const EXAMPLE = './examples/vendor-plugin/index.js';
const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDPLUGINCMDS', AWS_SECRET_ACCESS_KEY: 'plugin-commands-secret' };
const env = { ...process.env, ...KEYS, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', NO_COLOR: '1' };
const ec2idem = (args: readonly string[]) => runNode(CLI, args, { env, cwd: ROOT, timeoutMs: 120_000 });

let emulator: ChildProcess;
let banner = '';
let dir: string;
let targetFile: string;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-plugin-commands-'));
  emulator = spawn(process.execPath, [CLI, 'emulator', '--plugin', EXAMPLE, '--port', '0', '--region', 'us-east-1', '--region', 'us-west-2', '--known-key-from-env', '--strict-auth'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise<string>((resolve, reject) => {
    emulator.stdout!.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      const match = /http:\/\/[\d.]+:\d+/.exec(banner);
      if (match && banner.includes('\nplugin ')) resolve(match[0]);
    });
    emulator.once('exit', (code) => reject(new Error(`ec2-idem emulator exited ${code}: ${banner}`)));
  });
  targetFile = join(dir, 'target.json');
  await writeFile(targetFile, JSON.stringify({ endpoint: url, regions: ['us-east-1', 'us-west-2'], imageId: 'ami-0123456789abcdef0', credentials: { accessKeyId: KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: KEYS.AWS_SECRET_ACCESS_KEY }, minTokenLength: 4 }));
}, 60_000);
afterAll(() => {
  emulator?.kill('SIGTERM');
});

describe('ec2-idem emulator --plugin', () => {
  it('says which plugin actions it serves, and a run of the plugin action against it passes', async () => {
    expect(banner).toContain('plugin acme-capacity-reservations 1.0.0: serving CreateCapacityReservation, DescribeCapacityReservations, CancelCapacityReservation');
    const run = await ec2idem(['run', '--target', targetFile, '--plugin', EXAMPLE, '--action', 'CreateCapacityReservation', '--only', 'SAME-RESPONSE,RETENTION', '--runs', '5', '--seed', '7', '--report-dir', join(dir, 'run')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('names a plugin bug for --bug only when the plugin is loaded', async () => {
    const listed = await ec2idem(['emulator', '--plugin', EXAMPLE, '--list-bugs']);
    expect(listed.stdout).toMatch(/acme-cancelled-replay-refused +\[ACME-REPLAY-AFTER-DELETE\] .*\(plugin acme-capacity-reservations\)/);
    const unknown = await ec2idem(['emulator', '--bug', 'acme-cancelled-replay-refused', '--port', '0']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--bug "acme-cancelled-replay-refused" is unknown/);
  });
});

describe('ec2-idem recheck --plugin', () => {
  it('sends the plugin action tokens again with the plugin, and skips them (never passes) without it', async () => {
    const ledger = join(dir, 'run', 'ledger.jsonl');
    const without = await ec2idem(['recheck', '--ledger', ledger, '--min-age', '0', '--report-dir', join(dir, 'recheck-without')]);
    // Its only action's tokens could not be sent: nothing was rechecked (exit 2), nothing passed.
    expect(without.code).toBe(2);
    expect(without.stdout).toMatch(/^untested · /m);
    expect(without.stdout).toMatch(/RETENTION CreateCapacityReservation skipped: the tokens of CreateCapacityReservation were not sent again: no loaded plugin knows CreateCapacityReservation \(pass --plugin/);
    const withPlugin = await ec2idem(['recheck', '--ledger', ledger, '--min-age', '0', '--plugin', EXAMPLE, '--report-dir', join(dir, 'recheck-with')]);
    expect(withPlugin.code).toBe(0);
    expect(withPlugin.stdout).toContain('RETENTION CreateCapacityReservation passed');
  });
});

describe('ec2-idem cleanup --plugin', () => {
  it('finds and deletes what a run of the plugin action left behind; without the plugin it says it could not look', async () => {
    const { default: plugin } = (await import(/* @vite-ignore */ join(ROOT, EXAMPLE))) as { default: Plugin };
    const adapter = plugin.actions![0]!;
    const target = resolveTarget(checkTargetConfig({ endpoint: url, regions: ['us-east-1', 'us-west-2'], imageId: 'ami-0123456789abcdef0', credentials: { accessKeyId: KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: KEYS.AWS_SECRET_ACCESS_KEY } }, 'test'));
    const ledgerPath = join(dir, 'leak', 'ledger.jsonl');
    const ledger = new Ledger(ledgerPath);
    const runId = 'plugin-leak-run';
    ledger.begin({ run: runId, target: { name: 'test', regions: target.regions.map((r) => ({ name: r.name, endpoint: r.endpoint.href })) }, actions: [adapter.name], targetFile });
    const session = new Session(target);
    const minter = new TokenMinter();
    // The action needs an availability zone, as in a run: the fixture book finds one per region.
    const fixtures = new FixtureBook();
    await fixtures.provision(target, new Set(['zone'] as const), { runId, ledger });
    const h = new RuleHarness({ target, adapter, session, minter, runId, testId: `${runId}.t`, ledger, fixtures });
    // Two creates whose case never ends: what a killed run leaves.
    for (const n of [1, 2]) expect(await h.create(fc.sample(h.params(), { seed: n, numRuns: 1 })[0], minter.mint(`plugin-leak-${n}`), h.newCase())).toMatchObject({ kind: 'ok' });
    const alive = async () => {
      const seen = await h.observeTag(RUN_TAG, runId);
      return seen.kind === 'observed' ? seen.resources.filter((r) => !adapter.isGone(r)).length : -1;
    };
    expect(await alive()).toBe(2);

    const without = await ec2idem(['cleanup', '--ledger', ledgerPath]);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain(`run ${runId}: CreateCapacityReservation resources were not looked for: no loaded plugin knows CreateCapacityReservation (pass --plugin`);
    expect(await alive()).toBe(2);

    const withPlugin = await ec2idem(['cleanup', '--ledger', ledgerPath, '--plugin', EXAMPLE]);
    expect(withPlugin.stdout).toContain('removed 2 resource(s)');
    expect(withPlugin.code).toBe(0);
    expect(await alive()).toBe(0);
    await session.close();
  });
});
