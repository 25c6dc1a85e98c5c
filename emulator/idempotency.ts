// The one idempotency layer every token-taking action goes through. An action declares its
// token limit, how to validate, how to create, and how its committed result answers; this file
// decides whether a request creates, replays, mismatches or waits. Adding a token-taking action
// means writing an IdempotentAction and registering idempotentHandler(it) in the router.
import type { BugSwitch } from './bugs.ts';
import { readClientToken } from './clientToken.ts';
import type { ActionHandler, RequestContext } from './context.ts';
import { dryRunOperation, isDryRun } from './dryRun.ts';
import { Ec2Fault, internalError, invalidParameterValue } from './errors.ts';
import { fingerprint } from './fingerprint.ts';
import type { Committed, TokenEntry } from './tokenTable.ts';
import { tokenKeyFor } from './tokenKey.ts';
import type { TokenKey } from './tokenKey.ts';
import type { XmlNode } from './xml.ts';

/**
 * How one action's seeded bug bends this layer's rules for that action alone. Every field is off
 * unless the action's `quirks` turns it on, and only a seeded bug does that.
 */
export interface TokenQuirks {
  /** Accept tokens up to this many characters instead of the action's `tokenLimit`. */
  tokenLimit?: number;
  /** Parameters (by name) left out of the fingerprint. */
  fingerprintIgnores?: RegExp;
  /** Key tokens without the region, so another region replays this one's result. */
  scopeIgnoresRegion?: boolean;
  /** Refuse a mismatch with InvalidParameterValue instead of IdempotentParameterMismatch. */
  mismatchWrongCode?: boolean;
  /** Refuse a mismatch, but create the changed request anyway. */
  mismatchStillCreates?: boolean;
  /** A replay creates afresh, binds the new result and answers it. */
  replayCreates?: boolean;
  /** A replay of a retired result creates afresh. */
  retiredReplayCreates?: boolean;
  /** Same-token requests are not serialized. */
  unserialized?: boolean;
}

export interface IdempotentAction<Input> {
  name: string;
  /** Longest accepted ClientToken, in characters (REF-TOKEN-FORM). */
  tokenLimit: number;
  /** This action's seeded bug, if one is active: the one place that bug is consulted. */
  quirks?(bugs: BugSwitch): TokenQuirks;
  /** Checks the request without touching state; throws a 4xx Ec2Fault. */
  validate(ctx: RequestContext): Input;
  /** The availability zone that scopes the token, for zonal requests (REF-REGION-SCOPE). */
  zoneOf?(input: Input): string | undefined;
  /** Creates the resources; may throw a 4xx Ec2Fault, but only before creating anything. */
  create(ctx: RequestContext, input: Input, token: string | undefined): Committed;
  /** The answer to a replay once the result is retired, when the emulator is set to refuse those. */
  retiredReplayFault?(): Ec2Fault;
  /** A success that names nothing (only a seeded bug sends it); `{}` (requestId alone) when absent. */
  emptyAnswer?(ctx: RequestContext): XmlNode;
}

interface TokenCall<Input> {
  action: IdempotentAction<Input>;
  quirks: TokenQuirks;
  input: Input;
  token: string;
  key: TokenKey;
  fingerprint: string;
}

const NO_QUIRKS: TokenQuirks = {};

function quirksOf<Input>(ctx: RequestContext, action: IdempotentAction<Input>): TokenQuirks {
  return action.quirks?.(ctx.runtime.bugs) ?? NO_QUIRKS;
}

// What the seeded retention bugs keep: this many tokens per account and region, for this long.
const RETAINED_TOKENS = 32;
const RETENTION_MS = 3000;

const MISMATCH_MESSAGE = 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function mismatchFault(ctx: RequestContext, quirks: TokenQuirks): Ec2Fault {
  const { bugs } = ctx.runtime;
  if (bugs.on('mismatch-wrong-code') || quirks.mismatchWrongCode) return invalidParameterValue(MISMATCH_MESSAGE);
  return new Ec2Fault('IdempotentParameterMismatch', MISMATCH_MESSAGE, bugs.on('mismatch-status-500') ? 500 : undefined);
}

// Every create goes through here, so the seeded bug that creates nothing lives in one place. Its
// empty answer is bound like a real one, so replays answer the same.
function createVia<Input>(ctx: RequestContext, action: IdempotentAction<Input>, input: Input, token: string | undefined): Committed {
  if (ctx.runtime.bugs.on('creates-nothing')) {
    const answer = action.emptyAnswer?.(ctx) ?? {};
    return { render: () => answer };
  }
  const committed = action.create(ctx, input, token);
  const { creates } = ctx.runtime.counters;
  creates[action.name] = (creates[action.name] ?? 0) + 1;
  return committed;
}

function mismatch<Input>(ctx: RequestContext, call: TokenCall<Input>): never {
  ctx.runtime.counters.mismatches += 1;
  if (ctx.runtime.bugs.on('mismatch-still-launches') || call.quirks.mismatchStillCreates) createVia(ctx, call.action, call.input, call.token);
  throw mismatchFault(ctx, call.quirks);
}

function replay<Input>(ctx: RequestContext, call: TokenCall<Input>, entry: TokenEntry): XmlNode {
  ctx.runtime.counters.replays += 1;
  if (ctx.runtime.bugs.on('replay-launches-again')) createVia(ctx, call.action, call.input, call.token);
  return entry.committed.render(ctx, true);
}

async function createAndCommit<Input>(ctx: RequestContext, call: TokenCall<Input>): Promise<XmlNode> {
  const { tokens, faults, bugs, options } = ctx.runtime;
  if (bugs.on('flaky-400') && tokens.firstSighting(call.key)) {
    throw invalidParameterValue('The request could not be validated; please retry.');
  }
  // Between lookup and commit: without per-key serialization a concurrent duplicate slips in here.
  if (options.faults.criticalSectionLatencyMs > 0) await sleep(options.faults.criticalSectionLatencyMs);
  const committed = createVia(ctx, call.action, call.input, call.token);
  tokens.bind(call.key, entryFor(ctx, call, call.fingerprint, committed), ctx.now());
  if (bugs.on('token-store-keeps-32')) forgetAllButNewest(ctx, RETAINED_TOKENS);
  if (faults.failAfterCommit()) {
    if (bugs.on('commit-500-forgets-token')) tokens.forget(call.key);
    throw internalError();
  }
  return committed.render(ctx, false);
}

function entryFor<Input>(ctx: RequestContext, call: TokenCall<Input>, fingerprint: string, committed: Committed): TokenEntry {
  const { accountId, region } = ctx.identity;
  return { action: call.action.name, fingerprint, accountId, region, committed };
}

/** Keeps only the `count` most recently bound tokens of the caller's account and region, all actions together. */
function forgetAllButNewest(ctx: RequestContext, count: number): void {
  const { tokens } = ctx.runtime;
  const { accountId, region } = ctx.identity;
  const mine = tokens.keysByBindOrder((entry) => entry.accountId === accountId && entry.region === region);
  for (const key of mine.slice(0, Math.max(0, mine.length - count))) tokens.forget(key);
}

function lookup<Input>(ctx: RequestContext, call: TokenCall<Input>): TokenEntry | undefined {
  const { tokens, bugs } = ctx.runtime;
  if (bugs.on('tokens-ignored')) return undefined;
  const entry = tokens.get(call.key);
  if (entry === undefined) {
    return bugs.on('cross-account-replay') ? tokens.findInOtherAccounts(call.key, ctx.identity.accountId, call.action.name, call.fingerprint) : undefined;
  }
  // An expired token counts as never bound: the create that follows binds it afresh.
  if (bugs.on('token-forgotten-after-3s') && ctx.now() - (tokens.boundAt(call.key) ?? ctx.now()) >= RETENTION_MS) return undefined;
  return entry;
}

async function answer<Input>(ctx: RequestContext, call: TokenCall<Input>): Promise<XmlNode> {
  const { bugs, options } = ctx.runtime;
  let entry = lookup(ctx, call);
  const retired = entry?.committed.isRetired?.(ctx.now()) ?? false;
  if (retired && bugs.on('forget-after-terminate')) entry = undefined;
  if (entry === undefined) return createAndCommit(ctx, call);
  if (entry.action !== call.action.name || entry.fingerprint !== call.fingerprint) {
    if (retired && bugs.on('mismatch-off-after-terminate')) return createAndCommit(ctx, call);
    mismatch(ctx, call);
  }
  if (retired) {
    if (bugs.on('terminated-replay-launches-new') || call.quirks.retiredReplayCreates) return createAndCommit(ctx, call);
    if (options.terminatedReplay === 'error' && call.action.retiredReplayFault) throw call.action.retiredReplayFault();
  }
  if (call.quirks.replayCreates) return createAndCommit(ctx, call);
  return replay(ctx, call, entry);
}

/** Runs `work` alone for its key: concurrent duplicates wait (or, if so configured, are told to retry). */
async function serialized<Input>(ctx: RequestContext, call: TokenCall<Input>, work: () => Promise<XmlNode>): Promise<XmlNode> {
  const { tokens, bugs, options } = ctx.runtime;
  if (bugs.on('check-then-act-race') || call.quirks.unserialized) return work();
  // One queue per token and parameters: a same-token request with other parameters does not wait.
  const lane = bugs.on('mixed-race-both-launch') ? JSON.stringify([call.key.full, call.fingerprint]) : call.key.full;
  if (options.concurrentDuplicates === 'in-progress' && tokens.mutex.isHeld(lane)) {
    throw new Ec2Fault('IncorrectState', 'A request with this client token is in progress; retry it later.');
  }
  return tokens.mutex.run(lane, work);
}

// A dry run binds nothing. (The seeded bug binds a fingerprint no real request can match.)
function dryRunWithToken<Input>(ctx: RequestContext, call: TokenCall<Input>): never {
  const { tokens, bugs } = ctx.runtime;
  if (bugs.on('dryrun-consumes-token') && tokens.get(call.key) === undefined) {
    const committed: Committed = { render: () => { throw internalError(); } };
    tokens.bind(call.key, entryFor(ctx, call, `${call.fingerprint}+DryRun`, committed), ctx.now());
  }
  throw dryRunOperation(bugs);
}

function tokenCall<Input>(ctx: RequestContext, action: IdempotentAction<Input>, quirks: TokenQuirks, input: Input, token: string): TokenCall<Input> {
  const { identity, runtime } = ctx;
  const region = quirks.scopeIgnoresRegion ? '*' : identity.region;
  const scope = { accountId: identity.accountId, region, action: action.name, zone: action.zoneOf?.(input), token };
  const ignored = quirks.fingerprintIgnores ? [quirks.fingerprintIgnores] : [];
  return {
    action,
    quirks,
    input,
    token,
    key: tokenKeyFor(scope, runtime.bugs),
    fingerprint: fingerprint({ params: ctx.params, method: ctx.request.method, signing: identity.signing, ignored }, runtime.bugs),
  };
}

/** The handler for a token-taking action: validate, then create, replay or refuse per token. */
export function idempotentHandler<Input>(action: IdempotentAction<Input>): ActionHandler {
  return async (ctx) => {
    if (ctx.runtime.bugs.on('unsupported-everything')) throw new Ec2Fault('UnsupportedOperation', `The action ${action.name} is not supported.`);
    const quirks = quirksOf(ctx, action);
    const token = readClientToken(ctx.params, quirks.tokenLimit ?? action.tokenLimit, ctx.runtime.bugs);
    const input = action.validate(ctx);
    const dryRun = isDryRun(ctx.params);
    if (token === undefined) {
      if (dryRun) throw dryRunOperation(ctx.runtime.bugs);
      return createVia(ctx, action, input, undefined).render(ctx, false);
    }
    const call = tokenCall(ctx, action, quirks, input, token);
    if (dryRun) dryRunWithToken(ctx, call);
    return serialized(ctx, call, () => answer(ctx, call));
  };
}
