import fc from 'fast-check';
import { adapterFor } from './actions/index.ts';
import { paramConstraints } from './actions/action.ts';
import type { Call } from './encode.ts';
import { UNSUPPORTED_ACTION_CODES } from './errors.ts';
import { Session } from './exchange.ts';
import { describeOutcome, type Outcome } from './outcome.ts';
import { LOOPBACK_POLICY, SDK_STANDARD_POLICY } from './retry.constants.ts';
import { withRetry } from './retry.ts';
import type { ActionName, ResolvedRegion, ResolvedTarget } from './target.ts';

/** Codes by which an endpoint refuses who is asking: nothing else can be learned with these keys. */
const REFUSED_CREDENTIALS = new Set(['AuthFailure', 'SignatureDoesNotMatch', 'InvalidClientTokenId', 'UnrecognizedClientException', 'IncompleteSignature', 'MissingAuthenticationToken', 'RequestExpired']);

export interface PreflightOptions {
  readonly runId: string;
  readonly seed: number;
  readonly actions: readonly ActionName[];
}

export interface PreflightResult {
  /** Why no rule can run, in one line; undefined when the endpoint speaks EC2. */
  readonly problem?: string;
  /** Tested actions the endpoint says it does not implement (their rules will be not-applicable). */
  readonly unsupported: readonly ActionName[];
  readonly requests: number;
}

/**
 * Before any rule: proves the endpoint answers EC2 XML (DescribeRegions and DescribeAvailabilityZones
 * in every region, and a DryRun of every tested action), so that an endpoint that does not speak
 * EC2, refuses the credentials or implements none of the actions gets a one-line cause in seconds
 * instead of a run of rules that can learn nothing. Any EC2 answer counts, errors included.
 */
export async function preflight(target: ResolvedTarget, options: PreflightOptions): Promise<PreflightResult> {
  const quick = { ...target, timeoutMs: Math.min(target.timeoutMs, 5000) };
  const policy = { ...(target.isLoopback ? LOOPBACK_POLICY : SDK_STANDARD_POLICY), maxAttempts: 3, maxStateWaitMs: 0 };
  const session = new Session(quick);
  const ask = async (call: Call, region: ResolvedRegion) => (await withRetry(() => session.exchange(call, { region }), policy)).outcome;
  try {
    for (const region of target.regions) {
      for (const action of ['DescribeRegions', 'DescribeAvailabilityZones']) {
        const problem = notEc2(await ask({ action, params: {} }, region), `${action} (${region.name})`, region);
        if (problem) return { problem, unsupported: [], requests: session.requestsSent };
      }
    }
    const refusals: string[] = [];
    const unsupported: ActionName[] = [];
    const region = target.regions[0];
    for (const action of options.actions) {
      const outcome = await ask(dryRunCall(target, action, options), region);
      const problem = notEc2(outcome, `a DryRun of ${action}`, region);
      if (problem) return { problem, unsupported, requests: session.requestsSent };
      if (outcome.kind === 'ec2-error' && UNSUPPORTED_ACTION_CODES.has(outcome.code)) {
        unsupported.push(action);
        refusals.push(`${action}: ${describeOutcome(outcome)}`);
      }
    }
    const problem = unsupported.length === options.actions.length && options.actions.length > 0
      ? `nothing to test: ${region.endpoint.href} implements none of the tested actions (${refusals.join('; ')})`
      : undefined;
    return { problem, unsupported, requests: session.requestsSent };
  } finally {
    await session.close();
  }
}

/** A dry run of one create with a sample of its parameters, tagged like any case (a sweep finds strays). */
function dryRunCall(target: ResolvedTarget, action: ActionName, options: PreflightOptions): Call {
  const adapter = adapterFor(action);
  const [params] = fc.sample(adapter.params(paramConstraints(target, 1)), { numRuns: 1, seed: options.seed });
  const testId = `${options.runId}.preflight`;
  return adapter.toCall(params, undefined, { runId: options.runId, testId, caseId: `${testId}.${action.toLowerCase()}` }, { dryRun: true });
}

/** Why `outcome` shows the endpoint does not speak EC2 (or will not hear us), or undefined. */
function notEc2(outcome: Outcome, what: string, region: ResolvedRegion): string | undefined {
  const endpoint = region.endpoint.href;
  switch (outcome.kind) {
    case 'ok':
      return undefined;
    case 'ec2-error':
      return REFUSED_CREDENTIALS.has(outcome.code) ? `${endpoint} refused the credentials: ${what} got ${describeOutcome(outcome)} (${oneLine(outcome.message)})` : undefined;
    case 'malformed':
      return `${endpoint} does not answer EC2: ${what} got ${describeOutcome(outcome)}${outcome.snippet ? `: ${JSON.stringify(oneLine(outcome.snippet))}` : ''}`;
    case 'transport-failure':
      return `${endpoint} does not answer: ${what} got ${describeOutcome(outcome)} (${oneLine(outcome.message)})`;
  }
}

function oneLine(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 80);
}
