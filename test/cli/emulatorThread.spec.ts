import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startEmulatorThread } from '../../cli/emulatorThread.ts';

const describeRegions = 'Action=DescribeRegions&Version=2016-11-15';

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const answer = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return { status: answer.statusCode, text: await answer.body.text() };
}

describe('the embedded emulator in a thread of its own', () => {
  it('answers EC2 calls at its URL, with the options it was given, and stops when closed', async () => {
    const emulator = await startEmulatorThread({ regions: ['eu-north-1'] });
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await post(emulator.url, describeRegions);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<regionName>eu-north-1</regionName>');
    expect(answer.text).not.toContain('us-east-1');
    await Promise.all([emulator.close(), emulator.close()]);
    await expect(post(emulator.url, describeRegions)).rejects.toThrow();
  });

  it('a bad option is an error that names the field', async () => {
    await expect(startEmulatorThread({ regions: [] })).rejects.toThrow(/regions/);
  });
});

describe('a thread started ahead of the run', () => {
  it('is the one the run takes, and a spare dropped unused leaves the next run its own', async () => {
    const { warmEmulatorThread, dropSpareEmulatorThread } = await import('../../cli/emulatorThread.ts');
    warmEmulatorThread();
    const first = await startEmulatorThread({ regions: ['ap-south-1'] });
    expect((await post(first.url, describeRegions)).text).toContain('<regionName>ap-south-1</regionName>');
    await first.close();
    warmEmulatorThread();
    await dropSpareEmulatorThread();
    const second = await startEmulatorThread({ regions: ['sa-east-1'] });
    expect((await post(second.url, describeRegions)).text).toContain('<regionName>sa-east-1</regionName>');
    await second.close();
  });
});
