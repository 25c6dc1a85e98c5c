import { describe, expect, it } from 'vitest';
import { BugSwitch } from '../../emulator/bugs.ts';
import { tokenKeyFor } from '../../emulator/tokenKey.ts';
import { TokenTable } from '../../emulator/tokenTable.ts';
import type { TokenEntry } from '../../emulator/tokenTable.ts';

const none = new BugSwitch();
const key = (token: string, region = 'us-east-1') => tokenKeyFor({ accountId: '123456789012', region, action: 'RunInstances', zone: undefined, token }, none);
const entry = (fingerprint: string, region = 'us-east-1'): TokenEntry => ({
  action: 'RunInstances',
  fingerprint,
  accountId: '123456789012',
  region,
  committed: { render: () => ({}) },
});

describe('TokenTable', () => {
  it('answers when a token was bound, and nothing once it is forgotten or was never bound', () => {
    const table = new TokenTable();
    table.bind(key('a'), entry('f'), 1000);
    expect(table.boundAt(key('a'))).toBe(1000);
    expect(table.boundAt(key('b'))).toBeUndefined();
    table.bind(key('a'), entry('g'), 2500);
    expect([table.boundAt(key('a')), table.get(key('a'))?.fingerprint]).toEqual([2500, 'g']);
    table.forget(key('a'));
    expect([table.boundAt(key('a')), table.get(key('a'))]).toEqual([undefined, undefined]);
  });

  it('lists keys least recently bound first, a rebind moving to the end, even within one clock tick', () => {
    const table = new TokenTable();
    for (const token of ['a', 'b', 'c']) table.bind(key(token), entry(token), 0);
    table.bind(key('w', 'us-west-2'), entry('w', 'us-west-2'), 0);
    table.bind(key('a'), entry('a2'), 0);
    const east = table.keysByBindOrder((e) => e.region === 'us-east-1');
    expect(east.map((k) => k.full)).toEqual([key('b').full, key('c').full, key('a').full]);
    expect(table.keysByBindOrder(() => true)).toHaveLength(4);
  });
});
