// Validation of emulator options: each check throws an Error naming the field, the bad value and the fix.
import type { AccountCredentials, FaultOptions, LifecycleOptions } from './options.ts';

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
export const ACCOUNT_PATTERN = /^\d{12}$/;

export function fail(field: string, got: unknown, fix: string): never {
  throw new Error(`Invalid emulator option ${field}: got ${JSON.stringify(got)}. Fix: ${fix}.`);
}

export function checkNumber(field: string, value: number, min: number, max: number, fix: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(field, value, fix);
}

export function checkOneOf<T extends string>(field: string, value: T, allowed: readonly T[]): void {
  if (!allowed.includes(value)) fail(field, value, `use one of ${allowed.join(', ')}`);
}

export function checkRegions(regions: readonly string[]): void {
  if (!Array.isArray(regions) || regions.length === 0) fail('regions', regions, "give at least one region, e.g. ['us-east-1']");
  for (const region of regions) {
    if (typeof region !== 'string' || !REGION_PATTERN.test(region)) fail('regions', region, 'use region names like us-east-1');
  }
  if (new Set(regions).size !== regions.length) fail('regions', regions, 'list each region once');
}

export function checkAccounts(accounts: Readonly<Record<string, AccountCredentials>>): void {
  for (const [accessKeyId, account] of Object.entries(accounts)) {
    if (accessKeyId === '') fail('accounts', accessKeyId, 'use a non-empty access key id');
    if (!ACCOUNT_PATTERN.test(account?.accountId ?? '')) {
      fail(`accounts.${accessKeyId}.accountId`, account?.accountId, 'use a 12-digit account id');
    }
    if (typeof account.secretAccessKey !== 'string' || account.secretAccessKey === '') {
      fail(`accounts.${accessKeyId}.secretAccessKey`, '<redacted>', 'give the non-empty secret of this key');
    }
  }
}

export function checkFaults(faults: FaultOptions): void {
  for (const rate of ['unavailableRate', 'throttleRate', 'commitThen500Rate'] as const) {
    checkNumber(`faults.${rate}`, faults[rate], 0, 1, 'use a share between 0 and 1, e.g. 0.2');
  }
  for (const latency of ['criticalSectionLatencyMs', 'responseLatencyMs'] as const) {
    checkNumber(`faults.${latency}`, faults[latency], 0, 60_000, 'use milliseconds between 0 and 60000');
  }
  if (!Number.isSafeInteger(faults.seed)) fail('faults.seed', faults.seed, 'use an integer seed');
}

export function checkLifecycle(lifecycle: LifecycleOptions): void {
  for (const field of ['pendingMs', 'shuttingDownMs', 'terminatedVisibleMs', 'listingDelayMs'] as const) {
    checkNumber(`lifecycle.${field}`, lifecycle[field], 0, Number.MAX_SAFE_INTEGER, 'use a non-negative number of milliseconds');
  }
}
