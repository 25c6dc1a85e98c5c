// Seeded bugs: named switches that make the reference emulator wrong on purpose, so that the
// suite can prove it catches each one. Every name is consulted at exactly one place in the
// emulator (a unit test counts the references), which keeps each bug small and honest.
import type { EmulatorOptions } from './options.ts';

export interface BugSpec {
  /** What is wrong, in one sentence. */
  summary: string;
  /** Rule ids (shared/DESIGN.md) that must fail when this bug is active. */
  rules: readonly string[];
  /** Extra settings the bug needs to show (e.g. a fault rate); explicit options still win. */
  options?: EmulatorOptions;
  /**
   * 'untested': the endpoint leaves nothing about idempotency testable (no token-taking action
   * works, or no answer can be read), so no rule can fail on its own — `rules` is then empty —
   * and the suite must still refuse to call the endpoint conformant.
   */
  verdict?: 'untested';
  /**
   * Token-taking actions the bug lives in, when not every action shows it: the suite must test
   * these actions to catch it. @defaultValue the actions every run tests (RunInstances, CreateLaunchTemplate)
   */
  actions?: readonly string[];
}

const BUG_SPECS = {
  'token-case-insensitive': { summary: 'Tokens are keyed lower-cased, so tokens differing only in case collide', rules: ['TOKEN-CASE'] },
  'token-trimmed': { summary: 'Surrounding whitespace is trimmed from the token before keying and echo', rules: ['TOKEN-FORMAT'] },
  'token-truncated-32': { summary: 'Only the first 32 characters of the token key the request', rules: ['TOKEN-FORMAT'] },
  'token-limit-63': { summary: 'The token limit is one short: 64-character RunInstances tokens are rejected', rules: ['TOKEN-FORMAT'] },
  'token-limit-65': { summary: 'The token limit is one long: 65-character RunInstances tokens are accepted', rules: ['TOKEN-FORMAT'] },
  'token-non-ascii-accepted': { summary: 'Tokens with non-ASCII or control characters are accepted', rules: ['TOKEN-FORMAT'] },
  'token-percent-decoded': {
    summary: 'The token is percent-decoded a second time after the form decoding, so ab%41c is keyed, stored and echoed as abAc',
    rules: ['TOKEN-FORMAT'],
  },
  'scope-ignores-region': { summary: 'The token key omits the region, so another region replays the first', rules: ['REGION-SCOPE'] },
  'scope-ignores-account': { summary: 'The token key omits the account, so accounts share tokens', rules: ['ACCOUNT-SCOPE'] },
  'scope-ignores-action': { summary: 'All token-taking actions share one token namespace (RunInstances and CreateLaunchTemplate among them)', rules: ['ACTION-SCOPE'] },
  'cross-account-replay': {
    summary: "An unknown token falls back to another account's entry with the same token and parameters and replays it",
    rules: ['ACCOUNT-SCOPE'],
  },
  'fingerprint-ignores-userdata': { summary: 'A changed UserData is not a parameter mismatch', rules: ['PARAM-MISMATCH'] },
  'fingerprint-ignores-tags': { summary: 'Changed tag specifications are not a parameter mismatch', rules: ['PARAM-MISMATCH'] },
  'fingerprint-ignores-instance-type': { summary: 'A changed InstanceType is not a parameter mismatch', rules: ['PARAM-MISMATCH'] },
  'fingerprint-order-dependent': { summary: 'The fingerprint follows the received parameter order', rules: ['EQUIVALENT-ENCODING'] },
  'fingerprint-includes-method': { summary: 'GET and POST of the same parameters fingerprint differently', rules: ['EQUIVALENT-ENCODING'] },
  'fingerprint-includes-signing': { summary: 'The signing date and signature are part of the fingerprint', rules: ['EQUIVALENT-ENCODING'] },
  'mismatch-wrong-code': { summary: 'A mismatch is answered InvalidParameterValue instead of IdempotentParameterMismatch', rules: ['PARAM-MISMATCH'] },
  'mismatch-status-500': { summary: 'IdempotentParameterMismatch is sent with HTTP 500', rules: ['PARAM-MISMATCH', 'RETRY-ADVICE'] },
  'mismatch-still-launches': { summary: 'A mismatch is answered, but the changed request is created anyway', rules: ['PARAM-MISMATCH'] },
  'replay-new-reservation-id': { summary: 'A replay carries a new reservation id', rules: ['SAME-RESPONSE'] },
  'replay-new-launch-time': { summary: 'A replay carries a new launch time', rules: ['SAME-RESPONSE'] },
  'replay-fewer-instances': { summary: 'A replay lists one instance fewer than the launch', rules: ['SAME-RESPONSE'] },
  'replay-launches-again': { summary: 'A replay answers the original response but also launches duplicates carrying the token', rules: ['AT-MOST-ONCE'] },
  'forget-after-terminate': { summary: 'The token is forgotten once its instances are terminated', rules: ['TOKEN-AFTER-TERMINATE'] },
  'terminated-replay-launches-new': { summary: 'A replay after termination launches a fresh reservation', rules: ['TOKEN-AFTER-TERMINATE'] },
  'mismatch-off-after-terminate': {
    summary: 'Once the result is retired (instances terminated, template deleted), changed parameters under its token create anew instead of a mismatch',
    rules: ['HISTORY'],
  },
  'token-store-keeps-32': {
    summary: 'Only the 32 most recently bound tokens per account and region are kept, so replaying an older one creates anew',
    rules: ['RETENTION'],
  },
  'token-forgotten-after-3s': { summary: 'A token is forgotten 3 s after it was bound, so a later replay creates anew', rules: ['RETENTION'] },
  'check-then-act-race': {
    summary: 'Requests with one token are not serialized, so concurrent duplicates both launch',
    rules: ['CONCURRENT-DUPLICATES'],
    options: { faults: { criticalSectionLatencyMs: 50 } },
  },
  'mixed-race-both-launch': {
    summary: 'Requests are serialized per token and parameters, so concurrent same-token requests with different parameters both create',
    rules: ['CONCURRENT-DUPLICATES'],
    options: { faults: { criticalSectionLatencyMs: 50 } },
  },
  'commit-500-forgets-token': {
    summary: 'A 500 after commit also forgets the token, so the retry launches again',
    rules: ['LOST-RESPONSE'],
    options: { faults: { commitThen500Rate: 0.3 } },
  },
  'dryrun-consumes-token': { summary: 'A DryRun binds the token, so the real request then mismatches', rules: ['DRYRUN'] },
  'dryrun-wrong-status': { summary: 'DryRunOperation is sent with HTTP 400 instead of 412', rules: ['DRYRUN'] },
  'describe-token-missing': { summary: 'DescribeInstances omits clientToken', rules: ['DESCRIBE-TOKEN'] },
  'run-token-missing': { summary: 'The RunInstances response omits clientToken', rules: ['DESCRIBE-TOKEN'] },
  'client-token-filter-ignored': { summary: 'The client-token filter is ignored and every instance is returned', rules: ['DESCRIBE-TOKEN'] },
  'flaky-400': {
    summary: 'The first request with each new token is answered 400 InvalidParameterValue; the identical retry succeeds',
    rules: ['RETRY-ADVICE'],
  },
  'throttle-as-400': {
    summary: 'RequestLimitExceeded is sent with HTTP 400',
    rules: ['RETRY-ADVICE'],
    options: { faults: { throttleRate: 0.2 } },
  },
  'unsupported-everything': {
    summary: 'Every token-taking action answers 400 UnsupportedOperation; the describe actions still work',
    rules: [],
    verdict: 'untested',
  },
  'tokens-ignored': {
    summary: 'The token is stored but never looked up (as in moto): every request creates anew, so nothing replays and nothing mismatches',
    rules: ['SAME-RESPONSE', 'AT-MOST-ONCE', 'PARAM-MISMATCH', 'EQUIVALENT-ENCODING', 'TOKEN-AFTER-TERMINATE', 'CONCURRENT-DUPLICATES', 'RETRY-ADVICE'],
  },
  'creates-nothing': {
    summary: 'Token-taking actions answer 200 but create and name nothing (RunInstances: empty instancesSet; every other action: requestId alone)',
    rules: [
      'TOKEN-FORMAT',
      'TOKEN-CASE',
      'SAME-RESPONSE',
      'AT-MOST-ONCE',
      'PARAM-MISMATCH',
      'EQUIVALENT-ENCODING',
      'REGION-SCOPE',
      'TOKEN-AFTER-TERMINATE',
      'LOST-RESPONSE',
      'CONCURRENT-DUPLICATES',
      'ACCOUNT-SCOPE',
      'ACTION-SCOPE',
      'DRYRUN',
      'RETRY-ADVICE',
    ],
  },
  'lt-version-replay-new-version': {
    actions: ['CreateLaunchTemplateVersion'],
    summary: 'A CreateLaunchTemplateVersion replay creates another version and answers it instead of the first',
    rules: ['SAME-RESPONSE', 'AT-MOST-ONCE'],
  },
  'volume-token-limit-255': {
    actions: ['CreateVolume'],
    summary: 'CreateVolume accepts ClientTokens of 65 to 255 characters (its limit is 64)',
    rules: ['TOKEN-FORMAT'],
  },
  'eni-replay-after-delete-creates': {
    actions: ['CreateNetworkInterface'],
    summary: 'A CreateNetworkInterface replay after DeleteNetworkInterface creates a new interface instead of answering the first',
    rules: ['TOKEN-AFTER-TERMINATE'],
  },
  'route-table-token-not-echoed': {
    actions: ['CreateRouteTable'],
    summary: 'The CreateRouteTable answer leaves out clientToken, first time and on replay',
    rules: ['TOKEN-FORMAT'],
  },
  'nacl-fingerprint-ignores-tags': {
    actions: ['CreateNetworkAcl'],
    summary: 'CreateNetworkAcl leaves the tag specifications out of the fingerprint, so the same token with other tags replays the first ACL instead of a mismatch',
    rules: ['PARAM-MISMATCH'],
  },
  'eigw-mismatch-wrong-code': {
    actions: ['CreateEgressOnlyInternetGateway'],
    summary: 'A CreateEgressOnlyInternetGateway mismatch is answered InvalidParameterValue instead of IdempotentParameterMismatch',
    rules: ['PARAM-MISMATCH'],
  },
  'prefix-list-token-limit-64': {
    actions: ['CreateManagedPrefixList'],
    summary: 'CreateManagedPrefixList refuses ClientTokens over 64 characters (its limit is 255)',
    rules: ['TOKEN-FORMAT'],
  },
  'tmf-scope-ignores-region': {
    actions: ['CreateTrafficMirrorFilter'],
    summary: 'CreateTrafficMirrorFilter keys tokens without the region, so the same token in another region replays the first filter',
    rules: ['REGION-SCOPE'],
  },
  'tmfr-mismatch-still-creates': {
    actions: ['CreateTrafficMirrorFilterRule'],
    summary: 'A CreateTrafficMirrorFilterRule mismatch is refused, but the changed rule is created anyway',
    rules: ['PARAM-MISMATCH'],
  },
  'vpce-concurrent-duplicates': {
    actions: ['CreateVpcEndpoint'],
    summary: 'CreateVpcEndpoint requests with one token are not serialized, so concurrent duplicates each create an endpoint',
    rules: ['CONCURRENT-DUPLICATES'],
    options: { faults: { criticalSectionLatencyMs: 50 } },
  },
  'natgw-replay-after-delete-creates': {
    actions: ['CreateNatGateway'],
    summary: 'A CreateNatGateway replay after DeleteNatGateway creates a new gateway instead of answering the first (the token is looked up among live gateways only)',
    rules: ['TOKEN-AFTER-TERMINATE'],
  },
  'truncated-answers': {
    summary: 'Every answer, success or error, carries only the first half of its body (status and headers kept)',
    rules: [],
    verdict: 'untested',
  },
} as const satisfies Record<string, BugSpec>;

export type BugName = keyof typeof BUG_SPECS;

/** The seeded-bug catalogue: name → what is wrong, which rules must catch it, settings it needs. */
export const BUGS: Readonly<Record<BugName, BugSpec>> = BUG_SPECS;

// Legitimate behaviours a correct endpoint may show; the suite must pass on each.
const VARIANT_OPTIONS = {
  'flaky-503': { faults: { unavailableRate: 0.2 } },
  'commit-then-500': { faults: { commitThen500Rate: 0.2 } },
  throttling: { faults: { throttleRate: 0.2 } },
  slow: { faults: { responseLatencyMs: 5, criticalSectionLatencyMs: 10 } },
  'state-advancing': { lifecycle: { pendingMs: 0, shuttingDownMs: 0 } },
  'terminated-error': { terminatedReplay: 'error' },
  'in-progress': { concurrentDuplicates: 'in-progress', faults: { criticalSectionLatencyMs: 30 } },
  'eventual-consistency': { lifecycle: { listingDelayMs: 60 } },
} as const satisfies Record<string, EmulatorOptions>;

export type LegitVariantName = keyof typeof VARIANT_OPTIONS;

/** Legitimate variants: name → the settings that produce the behaviour. */
export const LEGIT_VARIANTS: Readonly<Record<LegitVariantName, EmulatorOptions>> = VARIANT_OPTIONS;

export function isBugName(name: string): name is BugName {
  return Object.hasOwn(BUGS, name);
}

export function isLegitVariantName(name: string): name is LegitVariantName {
  return Object.hasOwn(LEGIT_VARIANTS, name);
}

/** The active seeded bug, asked by name at the one place that bug lives. */
export class BugSwitch {
  /** A built-in bug's name, or a plugin's (plugins consult theirs by name in their own actions). */
  readonly active: string | undefined;

  constructor(active?: string) {
    this.active = active;
  }

  /** Built-in names are checked by the type; a plugin's bug is any other string. */
  on(name: BugName | (string & {})): boolean {
    return this.active === name;
  }
}
