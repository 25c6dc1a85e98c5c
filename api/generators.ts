/**
 * The suite's fast-check arbitraries, for vendors' own properties: tokens (valid, hostile,
 * corrupted, near variants), parameter sets and their one-parameter changes, tags, encodings,
 * fault plans, and region or account pairs. Each is the generator the built-in rules use, so a
 * vendor property explores the same space the suite does.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { clientToken } from 'ec2-idempotency-conformance/generators';
 * fc.assert(fc.property(clientToken({ maxLength: 64 }), (token) => token.length <= 64));
 * ```
 * `fc` is the fast-check the suite itself runs: a plugin's rules build their cases with it, so the
 * arbitraries they return are the ones the suite's runner knows.
 *
 * @packageDocumentation
 */
export { default as fc } from 'fast-check';
export { accountPair } from '../generators/accountPair.ts';
export { clientToken, type ClientTokenConstraints } from '../generators/clientToken.ts';
export { encodingVariant, type EncodingVariant, type EncodingVariantConstraints } from '../generators/encodingVariant.ts';
export { faultPlan, faultStep, transientPlan, type FaultPlan, type FaultPlanConstraints, type FaultStep } from '../generators/faultPlan.ts';
export { hostileToken, HOSTILE_FRAGMENTS, HOSTILE_MIN_LENGTH, type HostileTokenConstraints } from '../generators/hostileToken.ts';
export { corruptToken, tokenCorruption, type TokenCorruption, type TokenCorruptionConstraints } from '../generators/invalidClientToken.ts';
export { launchTemplateParams, nameSuffix, versionDescription, type LaunchTemplateParams, type LaunchTemplateParamsConstraints } from '../generators/launchTemplateParams.ts';
export {
  applyLaunchTemplateChange,
  applyRunInstancesChange,
  applyTagOp,
  changedName,
  launchTemplateChange,
  runInstancesChange,
  tagOp,
  type ParamChange,
  type ParamChangeConstraints,
  type TagOp,
} from '../generators/paramChange.ts';
export { regionPair } from '../generators/regionPair.ts';
export { applyResourceChange, resourceChange, resourceParams, type OptionSpec, type ResourceParams, type TaggingConstraint } from '../generators/resourceParams.ts';
export { runInstancesParams, type RunInstancesParams, type RunInstancesParamsConstraints } from '../generators/runInstancesParams.ts';
export { tagKey, tags, tagValue, type Tag, type TagsConstraints } from '../generators/tags.ts';
export { applyVariant, caseVariant, manglings, manglingVariant, MANGLINGS, nearVariant, type Mangling, type TokenVariant } from '../generators/tokenVariant.ts';
export { userData } from '../generators/userData.ts';
