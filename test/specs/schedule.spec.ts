import { describe, expect, it } from 'vitest';
import { longestFirst } from '../../specs/runSuite.ts';
import { selectCases } from '../../specs/selection.ts';

describe('the order rules start in', () => {
  it('costlier rules first, the catalogue order among equals, every case once', () => {
    const cases = selectCases(['RunInstances', 'CreateLaunchTemplate']);
    const ordered = longestFirst(cases);
    expect(ordered).toHaveLength(cases.length);
    expect(new Set(ordered)).toEqual(new Set(cases));
    expect(ordered.slice(0, 2).map((c) => `${c.rule.id} ${c.action}`)).toEqual(['HISTORY RunInstances', 'HISTORY CreateLaunchTemplate']);
    const costs = ordered.map((c) => c.rule.cost ?? 1);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    const plain = (list: typeof cases) => list.filter((c) => (c.rule.cost ?? 1) === 1);
    expect(plain(ordered)).toEqual(plain(cases));
  });
});
