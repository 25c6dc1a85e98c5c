import fc from 'fast-check';
import { corruptToken, tokenCorruption, type TokenCorruption } from '../generators/invalidClientToken.ts';
import { applyVariant, manglingVariant, nearVariant, type TokenVariant } from '../generators/tokenVariant.ts';
import type { CaseContext } from '../harness/actions/action.ts';
import type { RuleHarness } from '../harness/ruleHarness.ts';
import type { ObservedResource } from '../harness/actions/action.ts';
import { expectExactReplay } from './controls.ts';
import { CLIENT_ERROR, exactly, expectCreated, expectError, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * Profiles (docs/reference.md REF-TOKEN-FORM — no documented error for a bad token):
 * - seed, aws-current: over-long and non-ASCII tokens must be refused with some 4xx; a token with a
 *   control character (ASCII, but unprintable) may be refused, or accepted and kept byte for byte.
 * - strict: every invalid token is refused with HTTP 400 `InvalidParameterValue` or `InvalidClientToken`.
 */
const STRICT_CODES = ['InvalidParameterValue', 'InvalidClientToken'];

export default defineRule({
  id: 'TOKEN-FORMAT',
  description: 'Tokens of 1 to the limit printable ASCII characters work, exactly; others are refused',
  source: {
    ref: 'REF-TOKEN-FORM',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  // Each case checks all three sides of the rule (a valid token kept exactly, an invalid one refused,
  // two near tokens independent): every edge is drawn far more often, and a case costs as much as 1.5.
  cost: 1.5,
  cases: (h) =>
    fc.record({
      params: h.params(),
      valid: h.token(),
      invalid: fc.record({ token: h.token(), corruption: tokenCorruption() }),
      // One short of the limit, so a variant one space longer is still valid. Near tokens, and the
      // token a decoding layer would merge this one with (percent-decoded, + as space, trimmed, …).
      distinct: fc.record({ token: h.token({ maxLength: h.action.tokenLimit - 1 }), variant: fc.oneof(nearVariant(), manglingVariant()) }),
    }),
  async check(h, { params, valid, invalid, distinct }) {
    await acceptsExactly(h, params, h.mint(valid), h.newCase());
    await refuses(h, params, corruptToken(h.mint(invalid.token), invalid.corruption, h.action.tokenLimit), invalid.corruption, h.newCase());
    await independent(h, params, h.mint(distinct.token), distinct.variant);
  },
});

/** Two tokens one character (or one surrounding space) apart are two tokens. */
async function independent(h: RuleHarness, params: unknown, token: string, variant: TokenVariant) {
  const other = applyVariant(token, variant, h.action.tokenLimit);
  fc.pre(other !== undefined);
  const context = h.newCase();
  const first = expectCreated(h, await h.create(params, token, context), 'create with the first token');
  await expectExactReplay(h, params, token, context, first);
  // A case of its own: resources with unique names (launch templates) must not clash by name.
  const otherCase = h.newCase();
  const second = expectCreated(h, await h.create(params, h.claim(other as string), otherCase), `create with ${distance(variant)}`);
  const shared = ids(second).filter((id) => ids(first).includes(id));
  if (shared.length > 0) violation(`a different token (${JSON.stringify(other)} vs ${JSON.stringify(token)}) replayed the first create: [${shared.join(', ')}]`);
  expectIds(expectObserved(await h.observe(otherCase, { expect: ids(second) }), 'read-back of the second token'), ids(second), `what the token ${distance(variant)} created`);
}

function distance(variant: TokenVariant): string {
  return variant.kind === 'mangled' ? `the token ${variant.how} (${variant.how === 'case-folded' ? 'lower-cased' : 'as a decoding layer would'})` : `a token one ${variant.kind} away`;
}

async function acceptsExactly(h: RuleHarness, params: unknown, token: string, context: CaseContext) {
  const created = expectCreated(h, await h.create(params, token, context), `create with a valid ${token.length}-character token`);
  await keptExactly(h, params, created, token, context);
}

/**
 * The endpoint kept the token byte for byte: it echoes it in the answer and in DescribeInstances,
 * and its filter finds the launch by it; an action without an echo shows it by replaying the exact
 * token (its positive control).
 */
async function keptExactly(h: RuleHarness, params: unknown, created: readonly ObservedResource[], token: string, context: CaseContext) {
  const echoed = (resources: readonly ObservedResource[], where: string) => {
    for (const resource of resources) {
      if (resource.clientToken !== token) violation(`${where} shows ${resource.id} with token ${JSON.stringify(resource.clientToken)} instead of ${JSON.stringify(token)}`);
    }
  };
  if (!h.action.echoesToken) {
    // The answer alone may carry the token (the VPC-side creates); either way, the exact token must replay.
    if (h.action.tokenInAnswer) echoed(created, 'the answer');
    return expectExactReplay(h, params, token, context, created);
  }
  echoed(created, 'the answer');
  const described = expectObserved(await h.observe(context, { expect: ids(created) }), 'read-back by case tag');
  echoed(described, 'DescribeInstances');
  expectIds(expectObserved(await h.observeToken(token, { expect: ids(created) }), 'client-token filter'), ids(created), 'the client-token filter for the exact token');
}

async function refuses(h: RuleHarness, params: unknown, token: string, corruption: TokenCorruption, context: CaseContext) {
  const outcome = await h.create(params, token, context);
  const what = `create with a ${corruption.kind} token (${token.length} characters)`;
  const mayHonour = corruption.kind === 'control' && h.profile !== 'strict';
  if (mayHonour && outcome.kind === 'ok') return keptExactly(h, params, expectCreated(h, outcome, what), token, context);
  if (h.profile === 'strict') expectError(outcome, { codes: STRICT_CODES, statuses: exactly(400), statusText: 'HTTP 400' }, what);
  else expectError(outcome, { statuses: CLIENT_ERROR, statusText: 'a 4xx status' }, what);
  expectIds(expectObserved(await h.observe(context), 'read-back by case tag'), [], `${what} must create nothing`);
}
