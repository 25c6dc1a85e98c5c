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
