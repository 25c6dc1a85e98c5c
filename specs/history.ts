import fc from 'fast-check';
import { faultPlan } from '../generators/faultPlan.ts';
import type { Identity } from '../harness/exchange.ts';
import { PromiseModel } from '../harness/model/promiseModel.ts';
import type { Placement, RuleHarness } from '../harness/ruleHarness.ts';
import { expectObserved, violation } from './expect.ts';
import { Burst, Create, Delete, DescribeByToken, DryRun, Wait, type HistoryStep, type Real, type World } from './historySteps.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/** Tokens shared by the steps of one sequence, and the most steps a sequence has. */
const TOKENS = 2;
export const MAX_STEPS = 10;

/**
 * Histories instead of single scenarios: random sequences of steps over a small pool of tokens
 * shared across steps, regions and accounts — create, the same request again, one parameter
 * changed, a dry run, a delete, a describe by token, a concurrent burst, a create under faults, a
 * wait — each checked against the model of the promises (harness/model), which knows what every
 * token's past makes the next request answer. At the end, each token's case shows exactly what
 * the model says is alive. A failure shrinks to the shortest sequence of steps.
 */
export default defineRule({
  id: 'HISTORY',
  description: 'Random sequences of requests over shared tokens answer as the model of the promises says',
  source: {
    ref: 'REF-MISMATCH',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cost: 2,
  cases: (h) => {
    const labels = placements(h).map(({ region, identity }) => `in ${region.name} as ${identity}`);
    // Histories need the same token again in the same place: the first token and place are drawn often.
    const often = (max: number) => fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max }), weight: 1 });
    const at = { token: often(TOKENS - 1), where: often(labels.length - 1) };
    const change = fc.option(h.change(), { nil: undefined, freq: 2 });
    const steps: fc.Arbitrary<HistoryStep>[] = [
      fc.record({ ...at, change }).map(({ token, where, change }) => new Create(token, where, labels, change)),
      fc.record({ ...at, change }).map(({ token, where, change }) => new Create(token, where, labels, change)),
      fc.record({ ...at, change }).map(({ token, where, change }) => new DryRun(token, where, labels, change)),
      fc.record(at).map(({ token, where }) => new Delete(token, where, labels)),
      fc.record(at).map(({ token, where }) => new Delete(token, where, labels)),
      fc.record({ ...at, plan: faultPlan() }).map(({ token, where, plan }) => new Create(token, where, labels, undefined, plan)),
      fc.record({ ...at, copies: fc.integer({ min: 2, max: 4 }), other: fc.option(h.change(), { nil: undefined }) }).map(({ token, where, copies, other }) => new Burst(token, where, labels, copies, other)),
      fc.integer({ min: 0, max: 200 }).map((ms) => new Wait(ms)),
      ...(h.action.findByToken ? [fc.record(at).map(({ token, where }) => new DescribeByToken(token, where, labels))] : []),
    ];
    return fc.record({
      params: h.params(),
      tokens: fc.array(h.token(), { minLength: TOKENS, maxLength: TOKENS }),
      steps: fc.commands(steps, { maxCommands: MAX_STEPS, size: 'medium', replayPath: h.stepsPath }),
    });
  },
  async check(h, { params, tokens, steps }) {
    const real: Real = {
      h,
      params,
      tokens: tokens.map((token) => h.mint(token)),
      contexts: tokens.map(() => h.newCase()),
      placements: placements(h),
      touched: new Set(),
    };
    const world: World = { oracle: new PromiseModel<null>(h.profile) };
    await fc.asyncModelRun(() => ({ model: world, real }), steps);
    await nothingElseAlive(h, world, real);
  },
});

/** Every region the target has, as the primary account, and as the second account when there is one. */
function placements(h: RuleHarness): Required<Placement>[] {
  const identities: Identity[] = h.target.secondaryCredentials ? ['primary', 'secondary'] : ['primary'];
  return h.target.regions.flatMap((region) => identities.map((identity) => ({ region, identity })));
}

/** Each token's case, in each place a step sent it, shows alive exactly what the model says is. */
async function nothingElseAlive(h: RuleHarness, world: World, real: Real): Promise<void> {
  for (const pair of real.touched) {
    const [t, p] = pair.split('|').map(Number) as [number, number];
    const placement = real.placements[p]!;
    const scope = { account: placement.identity, region: placement.region.name, action: h.action.name, token: real.tokens[t]! };
    const binding = world.oracle.binding(scope);
    const expected = binding && !binding.deleted ? binding.resources : [];
    const seen = expectObserved(await h.observe(real.contexts[t]!, { ...placement, expect: expected }), `read-back of t${t} ${placement.region.name} ${placement.identity}`);
    const alive = seen.filter((r) => !h.action.isGone(r)).map((r) => r.id).sort();
    if (alive.join() !== [...expected].sort().join()) {
      violation(`after the sequence, t${t} in ${placement.region.name} as ${placement.identity} has [${alive.join(', ')}] alive; the model says [${[...expected].sort().join(', ')}]`);
    }
  }
}
