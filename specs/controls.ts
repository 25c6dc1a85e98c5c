import type { CaseContext, ObservedResource } from '../harness/actions/action.ts';
import { describeOutcome } from '../harness/outcome.ts';
import type { Placement, RuleHarness } from '../harness/ruleHarness.ts';
import { ids, Inconclusive } from './expect.ts';

/**
 * The positive control of the independence rules (TOKEN-FORMAT's near tokens, TOKEN-CASE,
 * REGION-SCOPE, ACCOUNT-SCOPE, ACTION-SCOPE): before a rule shows that something else does NOT
 * replay a token, it shows that the exact token DOES — the same request again, in the same place,
 * names the same resources. On an endpoint that never looks a token up, "independent" cannot be
 * told apart from "no idempotency at all", so the case is inconclusive, not passed.
 */
export async function expectExactReplay<P>(h: RuleHarness<P>, params: P, token: string, context: CaseContext, first: readonly ObservedResource[], placement: Placement = {}): Promise<void> {
  const where = placement.region ? ` in ${placement.region.name}` : placement.identity ? ` as the ${placement.identity} account` : '';
  const outcome = await h.create(params, token, context, placement);
  const expected = ids(first).join(', ');
  const got = outcome.kind === 'ok' ? `[${ids(h.action.created(outcome)).join(', ')}]` : describeOutcome(outcome);
  if (got !== `[${expected}]`) {
    throw new Inconclusive(`positive control failed: the exact replay of the token${where} answered ${got}, not [${expected}]; an endpoint that does not replay cannot show independence`);
  }
}
