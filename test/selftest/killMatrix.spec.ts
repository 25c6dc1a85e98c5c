import { describe, expect, it } from 'vitest';
import { killMatrix, type MutantResult } from '../../selftest/killMatrix.ts';

describe('the kill matrix', () => {
  it("gives a plugin's rules their own columns and names a plugin's bug with its plugin", () => {
    const results: MutantResult[] = [
      { name: 'replay-new-launch-time', kind: 'bug', expected: ['SAME-RESPONSE'], failed: ['SAME-RESPONSE'], killed: true, verdict: 'not-conformant' },
      { name: 'acme-cancelled-replay-refused', kind: 'bug', expected: ['ACME-REPLAY-AFTER-DELETE'], failed: ['ACME-REPLAY-AFTER-DELETE'], killed: true, verdict: 'not-conformant', plugin: 'acme-capacity-reservations' },
    ];
    const [header, , builtIn, pluginRow, , legend] = killMatrix(results).split('\n');
    expect(header).toMatch(/\| RET \| ACME-REPLAY-AFTER-DELETE \| run verdict \|$/);
    const cells = (row: string | undefined) => row?.split('|').slice(2, -2).map((cell) => cell.trim());
    expect(builtIn).toMatch(/^\| `replay-new-launch-time` \|/);
    expect(cells(builtIn)).toEqual(['', '', '●', ...Array<string>(15).fill('')]);
    expect(pluginRow).toMatch(/^\| `acme-cancelled-replay-refused` \(acme-capacity-reservations\) \|.* not-conformant \|$/);
    expect(cells(pluginRow)).toEqual([...Array<string>(17).fill(''), '●']);
    expect(legend).toContain('ACME-REPLAY-AFTER-DELETE (kills 1)');
  });

  it('without plugins, the columns are the built-in rules alone', () => {
    const [header] = killMatrix([{ name: 'b', kind: 'bug', expected: [], failed: [], killed: true }]).split('\n');
    expect(header).toBe('| bug | TF | TC | SR | AMO | PM | EE | RS | DT | TAT | RA | LR | CD | ACC | ACT | DR | HIS | RET | run verdict |');
  });
});
