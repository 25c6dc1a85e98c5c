// cli/commands/emulator.ts (kept here because test/cli/ belongs to the CLI owner).
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { emulatorCommand } from '../../cli/commands/emulator.ts';
import { BUGS } from '../../emulator/bugs.ts';

function captured(): { io: { stdout: { write(t: string): boolean }; stderr: { write(t: string): boolean }; stop: AbortSignal }; out: string[]; err: string[]; stop(): void } {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  const io = {
    stdout: { write: (text: string) => out.push(text) > 0 },
    stderr: { write: (text: string) => err.push(text) > 0 },
    stop: controller.signal,
  };
  return { io, out, err, stop: () => controller.abort() };
}

async function firstLine(out: string[]): Promise<string> {
  for (let waited = 0; out.length === 0 && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  return out[0] ?? '';
}

describe('ec2-idem emulator', () => {
  it('prints the URL first, serves the requested regions, and exits 0 when stopped', async () => {
    const { io, out, stop } = captured();
    const exit = emulatorCommand(['--port', '0', '--region', 'us-east-1', '--region', 'eu-north-1', '--variant', 'slow'], io);
    const line = await firstLine(out);
    expect(line).toMatch(/^ec2-idem emulator listening on http:\/\/127\.0\.0\.1:\d+ \(regions us-east-1, eu-north-1\)\n$/);
    const url = /(http:\/\/\S+)/.exec(line)![1]!;
    const response = await request(url, { method: 'POST', body: 'Action=DescribeRegions', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const xml = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(xml).toContain('<regionName>eu-north-1</regionName>');
    stop();
    expect(await exit).toBe(0);
  });

  it.each([
    [['--port', 'abc'], /^ec2-idem emulator: --port must be an integer from 0 to 65535 \(got "abc"\); e\.g\. --port 8787\n$/],
    [['--throttle-rate', '2'], /--throttle-rate must be a number from 0 to 1/],
    [['--terminated-replay', 'maybe'], /--terminated-replay must be one of replay, error/],
    [['--bug', 'nope'], /--bug "nope" is unknown; run ec2-idem emulator --list-bugs/],
    [['--account-id', '12'], /--account-id must be 12 digits/],
    [['--region', 'Mars'], /regions.*"Mars".*us-east-1/],
    [['--bogus'], /Unknown option '--bogus'; see ec2-idem emulator --help/],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    const { io, err, out } = captured();
    expect(await emulatorCommand(argv, io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0]!.trimEnd()).not.toContain('\n');
    expect(out).toEqual([]);
  });

  it('lists every seeded bug and variant, and shows help', async () => {
    const listing = captured();
    expect(await emulatorCommand(['--list-bugs'], listing.io)).toBe(0);
    for (const name of Object.keys(BUGS)) expect(listing.out.join('')).toContain(name);
    expect(listing.out.join('')).toContain('state-advancing');
    const help = captured();
    expect(await emulatorCommand(['--help'], help.io)).toBe(0);
    expect(help.out.join('')).toMatch(/^Usage: ec2-idem emulator/);
  });
});
