import fc from 'fast-check';
import { adapterFor, isKnownAction } from '../harness/actions/index.ts';
import type { CaseContext } from '../harness/actions/action.ts';
import type { RuleHarness } from '../harness/ruleHarness.ts';
import { expectExactReplay } from './controls.ts';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { defineRule } from './rule.ts';

/**
 * Profiles (undocumented, docs/reference.md REF-ACTION-SCOPE): seed and strict hold tokens per action, as the SDKs'
 * per-call tokens assume; aws-current does not run the rule until AWS documents it.
 */
export default defineRule({
  id: 'ACTION-SCOPE',
  description: 'One token used on two different actions is two independent tokens',
  source: {
    ref: 'REF-ACTION-SCOPE',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens',
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
    const [firstly, secondly] = otherFirst ? [{ h: other, params: second }, { h, params: first }] : [{ h, params: first }, { h: other, params: second }];
    try {
      const a = await createOn(firstly.h, firstly.params, minted, context, 'with the token');
      await expectExactReplay(firstly.h, firstly.params, minted, context, a);
      const b = await createOn(secondly.h, secondly.params, minted, context, 'with the same token');
      const shared = ids(b).filter((id) => ids(a).includes(id));
      if (shared.length > 0) violation(`${secondly.h.action.name} answered with ${firstly.h.action.name}'s resources [${shared.join(', ')}]`);
      // Both creates made something real, each of its own kind.
      for (const [side, made] of [[firstly.h, a], [secondly.h, b]] as const) {
        expectIds(expectObserved(await side.observe(context, { expect: ids(made) }), `${side.action.name} read-back by case tag`), ids(made), `what ${side.action.name} created`);
      }
    } finally {
      await other.endCase();
    }
  },
});

/** A create that answered as its own action (the right response root) and named what it made. */
async function createOn<P>(h: RuleHarness<P>, params: P, token: string, context: CaseContext, what: string) {
  const outcome = await h.create(params, token, context);
  const expectedRoot = `${h.action.name}Response`;
  if (outcome.kind === 'ok' && outcome.root !== expectedRoot) violation(`${h.action.name} ${what}: answered <${outcome.root}>, not <${expectedRoot}>`);
  return expectCreated(h, outcome, `${h.action.name} ${what}`);
}

function otherAdapter(name: string, actions: readonly string[]) {
  const otherName = actions.find((action) => action !== name);
  // The other action may be a plugin's: the open table knows it.
  const adapter = otherName === undefined || !isKnownAction(otherName) ? undefined : adapterFor(otherName);
  if (!adapter) throw new Error('ACTION-SCOPE needs two actions (capability two-actions)');
  return adapter;
}
