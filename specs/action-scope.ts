import fc from 'fast-check';
import { ACTION_ADAPTERS } from '../harness/actions/index.ts';
import { expectOk } from './expect.ts';
import { defineRule } from './rule.ts';

/**
 * Profiles (facts §5 Q9, undocumented): seed and strict hold tokens per action, as the SDKs'
 * per-call tokens assume; aws-current does not run the rule until AWS documents it.
 */
export default defineRule({
  id: 'ACTION-SCOPE',
  description: 'One token used on two different actions is two independent tokens',
  source: {
    key: 'IDEM',
    fact: 'Q9',
    sentence: 'per action? (same token on `CreateRouteTable` then `CreateNetworkAcl`: mismatch, or independent?)',
  },
  strength: 'SHOULD',
  profiles: ['seed', 'strict'],
  requires: ['two-actions'],
  scope: 'cross-action',
  cases: (h) => {
    const other = h.forAction(otherAdapter(h.action.name, h.target.actions));
    const limit = Math.min(h.action.tokenLimit, other.action.tokenLimit);
    return fc.record({
      first: h.params(),
      second: other.params(),
      token: h.token({ maxLength: limit }),
      otherFirst: fc.boolean(),
    });
  },
  async check(h, { first, second, token, otherFirst }) {
    const other = h.forAction(otherAdapter(h.action.name, h.target.actions));
    const context = h.newCase();
    const minted = h.mint(token);
    const steps = [
      () => h.create(first, minted, context).then((o) => expectOk(o, `${h.action.name} with the token`)),
      () => other.create(second, minted, context).then((o) => expectOk(o, `${other.action.name} with the same token`)),
    ];
    try {
      for (const step of otherFirst ? steps.reverse() : steps) await step();
    } finally {
      await other.endCase();
    }
  },
});

function otherAdapter(name: string, actions: readonly string[]) {
  const otherName = actions.find((action) => action !== name);
  const adapter = otherName === undefined ? undefined : ACTION_ADAPTERS[otherName as keyof typeof ACTION_ADAPTERS];
  if (!adapter) throw new Error('ACTION-SCOPE needs two actions (capability two-actions)');
  return adapter;
}
