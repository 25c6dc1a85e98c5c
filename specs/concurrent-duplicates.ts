import fc from 'fast-check';
import { checkBurst, type BurstEntry } from '../harness/history/burst.ts';
import { fingerprintOf } from '../harness/model/promiseModel.ts';
import type { RuleHarness } from '../harness/ruleHarness.ts';
import type { CaseContext } from '../harness/actions/action.ts';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * Concurrent copies with one unused token — all with the same parameters, or alternating between
 * two sets of parameters — are recorded as a history and judged after the fact
 * (harness/history/burst.ts), Jepsen-style: one create at most; every success is the winner's
 * answer, sent with the winner's parameters; a copy with other parameters gets
 * IdempotentParameterMismatch or is told to retry. How the endpoint resolved each race is counted
 * in the verdict's observations (`all-replay`, `in-progress`, `mixed: one winner, mismatches`,
 * `mixed: in-progress`). Profiles: strict accepts no in-progress answers; seed and aws-current
 * accept both (undocumented; docs/reference.md REF-CONCURRENT).
 */
export default defineRule({
  id: 'CONCURRENT-DUPLICATES',
  description: 'Concurrent requests with one token create once; how the endpoint answers is reported',
  source: {
    ref: 'REF-CONCURRENT',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cost: 1.5,
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      copies: fc.integer({ min: 2, max: 6 }),
      // Half the races mix two sets of parameters under the one token.
      other: fc.option(h.change(), { nil: undefined, freq: 2 }),
    }),
  async check(h, { params, token, copies, other }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const variants = other ? [params, h.applyChange(params, other)] : [params];
    const perCopy = Array.from({ length: copies }, (_, i) => variants[i % variants.length]!);
    const fingerprint = (p: unknown) => fingerprintOf(h.action.name, p);
    const outcomes = await h.raceMixed(perCopy, minted, context);
    const entries: BurstEntry[] = outcomes.map((outcome, copy) => ({
      copy,
      fingerprint: fingerprint(perCopy[copy]),
      outcome,
      ids: outcome.kind === 'ok' ? ids(h.action.created(outcome)) : [],
    }));
    const answered = entries.find((e) => e.outcome.kind === 'ok')?.ids ?? [];
    const seen = expectObserved(await h.observe(context, { expect: answered }), 'read-back by case tag after the race');
    const verdict = checkBurst(entries, ids(seen.filter((r) => !h.action.isGone(r))));
    if (verdict.problems.length > 0) violation(verdict.problems[0]!);
    h.classify(verdict.behaviour);
    if (verdict.behaviour.includes('in-progress') && h.profile === 'strict') violation(`profile strict wants every copy answered at once; ${outcomes.filter((o) => o.kind !== 'ok').length} were told to retry`);
    // Like a client told to retry: the same request again converges on the winner's create.
    const final = await converge(h, variants, minted, context, verdict.winner?.fingerprint, fingerprint);
    if (verdict.winner && final.join(',') !== verdict.winner.ids.join(',')) violation(`the retry after the race answered [${final.join(', ')}], not the winner's [${verdict.winner.ids.join(', ')}]`);
    expectIds(expectObserved(await h.observe(context, { expect: final }), 'read-back by case tag'), final, `after ${copies} concurrent copies, the resources of the case`);
  },
});

/**
 * Retries the winner's request; when no copy got an answer, each set of parameters in turn: one of
 * them won inside the endpoint, the other must now be a mismatch.
 */
async function converge<P>(h: RuleHarness<P>, variants: readonly P[], token: string, context: CaseContext, winner: string | undefined, fingerprint: (p: unknown) => string): Promise<string[]> {
  const ordered = winner === undefined ? variants : variants.filter((p) => fingerprint(p) === winner);
  for (const params of ordered.slice(0, -1)) {
    const outcome = await h.create(params, token, context);
    if (outcome.kind === 'ok') return ids(expectCreated(h, outcome, 'a retry after the race'));
  }
  return ids(expectCreated(h, await h.create(ordered.at(-1)!, token, context), 'a retry after the race'));
}
