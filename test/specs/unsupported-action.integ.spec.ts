import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulatorHandler } from '../../emulator/server.ts';
import { Ec2Fault } from '../../emulator/errors.ts';
import { checkTargetConfig } from '../../harness/target.ts';
import { runSuite } from '../../specs/runSuite.ts';

// An endpoint that does not implement an action gets `not-applicable` for it, never `failed`.
describe('an endpoint without CreateLaunchTemplate', () => {
  const handler = createEmulatorHandler({ regions: ['us-east-1', 'us-west-2'] }, {
    CreateLaunchTemplate: () => {
      throw new Ec2Fault('InvalidAction', 'The action CreateLaunchTemplate is not valid for this web service.');
    },
  });
  const server = createServer(handler.listener);
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports every CreateLaunchTemplate rule not-applicable with the reason, and still judges RunInstances', async () => {
    const target = checkTargetConfig({ endpoint: url, regions: ['us-east-1', 'us-west-2'], imageId: 'ami-0123456789abcdef0', credentials: { accessKeyId: '111111111111', secretAccessKey: 'x' } }, 't');
    const { verdicts, stopped } = await runSuite({ settings: { target, runId: 'unsupported', seed: 3, replayBase: 'npx ec2-idem run' }, only: ['PARAM-MISMATCH', 'SAME-RESPONSE'], defaultRuns: 5 });
    expect(stopped).toBeUndefined();
    const byAction = (action: string) => verdicts.filter((v) => v.action === action);
    expect(byAction('CreateLaunchTemplate').map((v) => v.status)).toEqual(['not-applicable', 'not-applicable']);
    for (const verdict of byAction('CreateLaunchTemplate')) expect(verdict.reason).toMatch(/does not implement CreateLaunchTemplate \(InvalidAction\)/);
    expect(byAction('RunInstances').map((v) => v.status)).toEqual(['passed', 'passed']);
  });
});
