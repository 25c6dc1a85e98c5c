import { describe, expect, it } from 'vitest';
import { EXPECTED_STATUS, LOOPBACK_POLICY, SDK_STANDARD_POLICY, STATE_CODES, THROTTLING_CODES, TRANSIENT_CODES, statusClass } from '../../harness/retry.constants.ts';

describe('retry tables', () => {
  it.each([[399, undefined], [400, 'client'], [499, 'client'], [500, 'server'], [599, 'server'], [600, undefined], [200, undefined]])('statusClass(%i) = %s', (status, expected) => {
    expect(statusClass(status)).toBe(expected);
  });

  it('no code is both throttling, transient and changing-state', () => {
    for (const code of THROTTLING_CODES) expect(TRANSIENT_CODES.has(code) || STATE_CODES.has(code)).toBe(false);
    for (const code of TRANSIENT_CODES) expect(STATE_CODES.has(code)).toBe(false);
  });

  it('transient codes with an expected status expect a 5xx; changing-state codes a 400', () => {
    for (const code of TRANSIENT_CODES) if (code in EXPECTED_STATUS) expect(statusClass(EXPECTED_STATUS[code] as number)).toBe('server');
    for (const code of STATE_CODES) if (code in EXPECTED_STATUS) expect(EXPECTED_STATUS[code]).toBe(400);
    expect(EXPECTED_STATUS.IdempotentParameterMismatch).toBe(400);
    expect(EXPECTED_STATUS.RequestLimitExceeded).toBe(503);
  });

  it('the policies: SDK standard mode, and a shorter loopback one of the same shape', () => {
    expect(SDK_STANDARD_POLICY).toEqual({ maxAttempts: 8, baseMs: 100, throttlingBaseMs: 500, capMs: 20_000, stateBaseMs: 250, maxStateWaitMs: 30_000 });
    expect(LOOPBACK_POLICY.capMs).toBeLessThan(SDK_STANDARD_POLICY.capMs);
    expect(LOOPBACK_POLICY.throttlingBaseMs).toBeGreaterThan(LOOPBACK_POLICY.baseMs);
  });
});
