import fc from 'fast-check';
import { corruptToken, tokenCorruption } from '../generators/invalidClientToken.ts';
import { transientPlan } from '../generators/faultPlan.ts';
import { describeStep } from '../harness/interceptors/fault.ts';
import type { Outcome } from '../harness/outcome.ts';
import { EXPECTED_STATUS, statusClass, STATE_CODES } from '../harness/retry.constants.ts';
import type { RuleHarness } from '../harness/ruleHarness.ts';
import type { CaseContext } from '../harness/actions/action.ts';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * The retry table (docs/reference.md REF-RETRY-TABLE). Deterministic half: every error's status is in its code's class
 * (seed, aws-current: 4xx vs 5xx; strict: the exact status of harness/retry.constants.ts), and a
 * request answered 200 or 4xx answers the same when repeated. Transient half: 500, 503 and
 * throttling answers (the endpoint's own, or synthetic ones injected after it acted) clear when
 * retried with backoff, and whatever happened, the case shows no resource no answer named.
 */
export default defineRule({
  id: 'RETRY-ADVICE',
  description: 'Statuses match their codes; a 200 or 400 repeated answers the same and changes nothing',
  source: {
    ref: 'REF-RETRY-TABLE',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#recommended-actions',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      probe: fc.oneof(
        fc.constant({ kind: 'valid' as const }),
        fc.record({ kind: fc.constant('mismatch' as const), change: h.change() }),
        fc.record({ kind: fc.constant('invalid-token' as const), corruption: tokenCorruption() }),
        fc.constant({ kind: 'dry-run' as const }),
        fc.record({ kind: fc.constant('transient' as const), plan: transientPlan() }),
      ),
      repeats: fc.integer({ min: 1, max: 2 }),
    }),
  async check(h, { params, token, probe, repeats }) {
    const context = h.newCase();
    const minted = h.mint(token);
    if (probe.kind === 'transient') {
      const faults = probe.plan.map(describeStep).join(', ');
      expectCreated(h, await h.create(params, minted, context, { faults: probe.plan }), `the create retried with backoff after [${faults}]`);
      return noHiddenEffects(h, context);
    }
    if (probe.kind === 'mismatch') expectCreated(h, await h.create(params, minted, context), 'first create');
    const request = (): Promise<Outcome> => {
      switch (probe.kind) {
        case 'valid':
          return h.create(params, minted, context);
        case 'mismatch':
          return h.create(h.applyChange(params, probe.change), minted, context);
        case 'invalid-token':
          return h.create(params, corruptToken(minted, probe.corruption, h.action.tokenLimit), context);
        case 'dry-run':
          return h.create(params, minted, context, { dryRun: true });
      }
    };
    const first = await request();
    for (let n = 1; n <= repeats; n += 1) sameAgain(h, first, await request(), `${probe.kind} request repeated (${n})`);
    await noHiddenEffects(h, context);
  },
});

/** Statuses match codes, and the case shows exactly the resources the successful answers named. */
async function noHiddenEffects(h: RuleHarness, context: CaseContext): Promise<void> {
  statusesMatchCodes(h);
  const answered = [...new Set(h.seen.flatMap((o) => (o.kind === 'ok' && o.root === `${h.action.name}Response` ? ids(h.action.created(o)) : [])))];
  const seen = expectObserved(await h.observe(context, { expect: answered }), 'read-back by case tag');
  const hidden = ids(seen).filter((id) => !answered.includes(id));
  if (hidden.length > 0) violation(`the endpoint created [${hidden.join(', ')}] although no answer said so`);
  expectIds(seen, answered, 'the resources the answers named');
}

function sameAgain(h: RuleHarness, first: Outcome, again: Outcome, what: string): void {
  if (first.kind === 'ok') {
    const a = ids(expectCreated(h, first, what));
    const b = ids(expectCreated(h, again, `${what}, after a 200`));
    if (a.join() !== b.join()) violation(`${what}: a 200 repeated changed something: [${a.join(', ')}] then [${b.join(', ')}]`);
  } else if (first.kind === 'ec2-error' && statusClass(first.status) === 'client' && !STATE_CODES.has(first.code)) {
    if (again.kind !== 'ec2-error' || again.code !== first.code || again.status !== first.status) {
      const got = again.kind === 'ec2-error' ? `${again.status} ${again.code}` : again.kind === 'ok' ? `${again.status} success` : again.kind;
      violation(`${what}: a ${first.status} ${first.code} must answer the same when repeated, but the repeat got ${got}`);
    }
  }
}

function statusesMatchCodes(h: RuleHarness): void {
  for (const outcome of h.seen) {
    if (outcome.kind !== 'ec2-error') continue;
    const expected = EXPECTED_STATUS[outcome.code];
    if (expected === undefined) continue;
    const matches = h.profile === 'strict' ? outcome.status === expected : statusClass(outcome.status) === statusClass(expected);
    if (!matches) {
      const wanted = h.profile === 'strict' ? `HTTP ${expected}` : `a ${String(expected)[0]}xx status`;
      violation(`${outcome.code} came with HTTP ${outcome.status}; it must carry ${wanted}, or clients retry wrongly`);
    }
  }
}
