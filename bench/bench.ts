import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { request } from 'undici';
import { decode } from '../harness/decode.ts';
import type { Call } from '../harness/encode.ts';
import { Session } from '../harness/exchange.ts';
import { createDispatcher, type RawExchange } from '../harness/send.ts';
import { resolveTarget } from '../harness/target.ts';
import { drive, presign } from './load.ts';
import { untestableVerdicts, type VerdictTime } from './untestable.ts';
import { emulatorCloseMs } from './emulatorClose.ts';
import { startEmulatorProcess, startMoto } from '../selftest/processes.ts';
import { startupTimes } from './startup.ts';

// `npm run bench`: prints numbers; asserts nothing (speed goals are read, not tested).
// `npm run bench -- decode` runs only the decode benchmark, which needs no server.
const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' };
const env = { ...process.env, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey };
const CONNECTIONS = 8;
const run = (token: string, count = 1): Call => ({
  action: 'RunInstances',
  params: { ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: count, MaxCount: count, ClientToken: token },
});
const fresh = (n: number) => Array.from({ length: n }, () => run(randomUUID()));
const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(58)} ${value}\n`);
const rate = (perSecond: number) => `${perSecond.toFixed(0)} req/s`;

// `npm run bench -- SECTION` runs one section: startup, decode, untestable or servers; without one, all.
const section = process.argv[2];
if (section === undefined || section === 'startup') await startup();
if (section === undefined || section === 'decode') decodeCost();
if (section === undefined || section === 'untestable') await untestable();
if (section === undefined || section === 'servers') await servers();

/** How soon the compiled CLI answers (`ec2-idem --help`, `ec2-idem emulator` up, `npm start` done), wall time, median. */
async function startup(): Promise<void> {
  const t = await startupTimes();
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  line('load average (1, 5, 15 min) when measuring began', `${t.load.join(', ')} on ${availableParallelism()} cores${t.built ? '' : ' (npm run build reported errors; dist/ as emitted)'}`);
  line('node -e 0, a bare Node start, for scale (median of 9)', s(t.nodeMs));
  line('ec2-idem --help (median of 9; goal ≤ 0.3 s)', s(t.helpMs));
  line('ec2-idem emulator until URL (median of 7; goal ≤ 0.5 s)', s(t.emulatorMs));
  line('npm start, whole suite, embedded (median of 3; goal ≤ 7 s)', s(t.startMs));
  line('the same from the sources via tsx: --help / emulator URL', `${s(t.sourceHelpMs)} / ${s(t.sourceEmulatorMs)}`);
}

/** How long an endpoint that does not speak EC2 takes to get its verdict (the whole CLI run). */
async function untestable(): Promise<void> {
  const { garbage, breaksMidRun } = await untestableVerdicts();
  const shown = (t: VerdictTime) => `${(t.ms / 1000).toFixed(1)} s, exit ${t.exitCode} (${t.cause.slice(0, 60)}…)`;
  line('verdict for a garbage endpoint (preflight; goal < 60 s)', shown(garbage));
  line('verdict for an endpoint turning to garbage mid-run (breaker)', shown(breaksMidRun));
}

/** Decoding is CPU only: measured on its own, per answer, best of 5 rounds. */
function decodeCost(): void {
  const fixture = (name: string) => readFileSync(new URL(`../test/harness/fixtures/${name}`, import.meta.url), 'utf8');
  const answers = [
    { action: 'RunInstances', body: fixture('run-instances.xml') },
    { action: 'DescribeInstances', body: fixture('describe-instances.xml') },
  ];
  for (const { action, body } of answers) {
    const label = `decode ${action}Response (${body.length} bytes)`;
    const exchange: RawExchange = { kind: 'exchange', status: 200, headers: {}, body, truncated: false };
    const kind = decode(exchange, action).kind;
    // A fixture that no longer decodes as ok would time the wrong path.
    if (kind !== 'ok') {
      line(label, `decodes as ${kind}: not timed`);
      continue;
    }
    const time = (n: number) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < n; i += 1) decode(exchange, action);
      return Number(process.hrtime.bigint() - started) / 1e3 / n;
    };
    time(5000); // warm-up
    const perAnswer = Math.min(...Array.from({ length: 5 }, () => time(10_000)));
    line(label, `${perAnswer.toFixed(1)} µs per answer`);
  }
}

/** Requests per second of the emulator and moto_server, and the harness's own round-trip cost. */
async function servers(): Promise<void> {
  const emulator = await startEmulatorProcess(env);
  try {
    await drive(await presign(emulator.url, credentials, fresh(2000)), CONNECTIONS); // warm-up
    const empty = await drive(await presign(emulator.url, credentials, fresh(20_000)), CONNECTIONS);
    line(`emulator RunInstances, fresh tokens (${CONNECTIONS} connections)`, rate(empty.perSecond));
    const replay = await drive(await presign(emulator.url, credentials, Array.from({ length: 20_000 }, () => run('bench-replay'))), CONNECTIONS);
    line('emulator RunInstances, replays of one token', rate(replay.perSecond));
    await drive(await presign(emulator.url, credentials, Array.from({ length: 2000 }, () => run(randomUUID(), 50))), CONNECTIONS);
    const full = await drive(await presign(emulator.url, credentials, fresh(20_000)), CONNECTIONS);
    line('emulator RunInstances, fresh tokens, with 100k+ instances', `${rate(full.perSecond)} (${((full.perSecond / empty.perSecond) * 100).toFixed(0)} % of empty; goal ≥ 80 %)`);

    const moto = await startMoto();
    if (!moto) line('moto_server', 'not on PATH: skipped');
    else {
      try {
        await drive(await presign(moto.url, credentials, fresh(50)), CONNECTIONS);
        const motoRate = await drive(await presign(moto.url, credentials, fresh(400)), CONNECTIONS);
        line(`moto_server RunInstances, fresh tokens (${CONNECTIONS} connections)`, rate(motoRate.perSecond));
        line('emulator / moto_server', `${(empty.perSecond / motoRate.perSecond).toFixed(0)}× (goal ≥ 100×)`);
      } finally {
        await moto.stop();
      }
    }
    await harnessCost(emulator.url);
  } finally {
    await emulator.stop();
  }
}

/** A full harness round trip (encode, sign, send, decode) against a bare undici request of the same call. */
async function harnessCost(url: string): Promise<void> {
  const target = resolveTarget({ endpoint: url, regions: ['us-east-1'], imageId: 'ami-0123456789abcdef0', credentials });
  const session = new Session(target);
  const call = run('bench-harness');
  const [signed] = await presign(url, credentials, [call]);
  const dispatcher = createDispatcher({ connections: 1 });
  const bare = async () => {
    const response = await request(signed!.url, { method: signed!.method, headers: signed!.headers, body: signed!.body, dispatcher });
    await response.body.text();
  };
  const full = async () => {
    await session.exchange(call);
  };
  const time = async (fn: () => Promise<void>, n: number) => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) await fn();
    return Number(process.hrtime.bigint() - started) / 1e6 / n;
  };
  await time(bare, 500);
  await time(full, 500);
  const rounds = [];
  for (let r = 0; r < 3; r += 1) rounds.push({ bare: await time(bare, 2000), full: await time(full, 2000) });
  const bareMs = Math.min(...rounds.map((r) => r.bare));
  const fullMs = Math.min(...rounds.map((r) => r.full));
  line('bare undici round trip (one connection, sequential)', `${(bareMs * 1000).toFixed(0)} µs`);
  line('harness round trip (encode, sign, send, record, decode)', `${(fullMs * 1000).toFixed(0)} µs`);
  line('harness / bare undici', `${(fullMs / bareMs).toFixed(2)}× (goal ≤ 1.3×)`);
  await session.close();
  await dispatcher.close();
}

// Teardown cost once bounded in test/emulator/server.integ.spec.ts: printed here, never asserted.
if (section === undefined || section === 'servers') line('emulator close, idle keep-alive open (worst of 5)', `${(await emulatorCloseMs()).toFixed(1)} ms`);
