import fc from 'fast-check';
import { NotApplicableError } from '../harness/errors.ts';
import type { RunBinding } from '../harness/model/runModel.ts';
import { fingerprintOf } from '../harness/model/promiseModel.ts';
import type { RuleHarness } from '../harness/ruleHarness.ts';
import { expectObserved, violation } from './expect.ts';
import { expectModelled } from './modelled.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * At the end of the run, tokens bound all through it are sent again exactly as they were first
 * sent: the oldest token of every rule × action × region × account, and every token the stateful
 * rule (HISTORY) used. Each must still be known — replay its first answer, or refuse as the
 * profile allows after its resources were deleted (harness/model) — and create nothing. A store
 * that keeps only recent tokens, or forgets them after seconds, creates anew here.
 * `ec2-idem recheck` does the same from a run's ledger, hours or days later (the 24-hour promise).
 */
export default defineRule({
  id: 'RETENTION',
  description: 'At the end of the run, tokens from all through it still replay and create nothing',
  source: {
    ref: 'REF-RETENTION',
    link: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Run_Instance_Idempotency.html',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  scope: 'end-of-run',
  fixedRuns: 1,
  cases: () => fc.constant(undefined),
  async check(h) {
    const samples = retentionSample(h);
    if (samples.length === 0) throw new NotApplicableError(`no ${h.action.name} token was bound earlier in this run (run RETENTION with the other rules)`);
    await replayAll(h, samples);
  },
});

/** Replays each binding as the model says it must answer, then shows the cases it came from made nothing new. */
export async function replayAll(h: RuleHarness, samples: readonly RunBinding[]): Promise<void> {
  const model = h.runModel!;
  const now = Date.now();
  for (const binding of samples) {
    const { request, scope } = binding;
    const age = ((now - binding.boundAt) / 1000).toFixed(1);
    const what = `the token ${JSON.stringify(scope.token)} (${request.context.testId.split('.').slice(1).join(' ')}, ${scope.region} as ${scope.account}, bound ${age} s ago) sent again`;
    h.retain(binding);
    const expectation = model.expect(scope, fingerprintOf(request.call.action, request.call.params));
    expectModelled(h, expectation, await h.resend(request, binding.resources), what);
  }
  // Every case deleted what it made when it ended: anything alive in those cases now, a replay made.
  const cases = new Map(samples.map((b) => [`${b.request.context.caseId}|${b.scope.region}|${b.scope.account}`, b]));
  for (const { request, scope } of cases.values()) {
    const region = h.target.regions.find((r) => r.name === scope.region);
    const seen = expectObserved(await h.observe(request.context, { region, identity: request.identity }), `read-back of case ${request.context.caseId} in ${scope.region}`);
    const alive = seen.filter((r) => !h.action.isGone(r)).map((r) => r.id);
    if (alive.length > 0) violation(`after the retention replays, case ${request.context.caseId} in ${scope.region} as ${scope.account} has [${alive.join(', ')}] alive: a replay created anew`);
  }
}

/** The oldest binding of this action per rule × region × account, and every binding of HISTORY. */
export function retentionSample(h: RuleHarness): RunBinding[] {
  const bindings = (h.runModel?.all() ?? []).filter((b) => b.scope.action === h.action.name);
  const oldest = new Map<string, RunBinding>();
  for (const binding of bindings) {
    const { context } = binding.request;
    const key = `${context.testId}|${binding.scope.region}|${binding.scope.account}`;
    if (!oldest.has(key)) oldest.set(key, binding);
  }
  const history = bindings.filter((b) => /\.history\./.test(`${b.request.context.testId}.`));
  return [...new Set([...oldest.values(), ...history])].sort((a, b) => a.boundAt - b.boundAt);
}
