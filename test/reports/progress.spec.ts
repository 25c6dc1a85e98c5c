import { describe, expect, it } from 'vitest';
import { progressLine } from '../../reports/progress.ts';
import { deviation, failed, notApplicable, passed } from './fixtures/sampleReport.ts';

describe('progressLine', () => {
  it.each([
    [passed, '✓ SAME-RESPONSE RunInstances  100 runs · 200 requests · 8.4 s'],
    [failed, '✗ LOST-RESPONSE RunInstances  17 runs · 41 requests · 2.3 s  expected exactly 1 instance for the token, the client-token filter found 2 (i-0001, i-0002)'],
    [deviation, '⚠ TOKEN-FORMAT CreateLaunchTemplate  3 runs · 3 requests · 95 ms  documented deviation: moto does not check token length'],
    [notApplicable, '– ACCOUNT-SCOPE RunInstances  0 runs · 0 requests · 0 ms  needs capability second-account (no secondaryCredentials in the target)'],
    [{ ...passed, runs: 1, requests: 1, durationMs: 61_500 }, '✓ SAME-RESPONSE RunInstances  1 run · 1 request · 1 min 02 s'],
  ])('%#: one line per result', (result, line) => {
    expect(progressLine(result)).toBe(line);
  });

  it('keeps a multi-line message on one line', () => {
    expect(progressLine({ ...passed, status: 'failed', reason: 'crashed:\n  socket hang up' })).toMatch(/8\.4 s {2}crashed: socket hang up$/);
  });

  it('never sends a terminal escape sequence from an endpoint message to the terminal', () => {
    expect(progressLine({ ...passed, status: 'failed', reason: 'red \u001b[31mtext' })).toMatch(/red \\u001b\[31mtext$/);
  });
});
