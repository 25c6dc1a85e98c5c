import { readFile } from 'node:fs/promises';
import { Ajv, type ValidateFunction } from 'ajv';
import { defaultChainCredentials, staticCredentials, type CredentialSource } from './credentials.ts';
import { HarnessError } from './errors.ts';
import { explainSchemaErrors } from './schemaErrors.ts';
import type { Credentials } from './sign.ts';
import { defaultConsistencyWindowMs } from './visibility.ts';
import schema from './target.schema.json' with { type: 'json' };

export type ProfileName = 'seed' | 'aws-current' | 'strict';
/** The built-in profiles. */
export const PROFILE_NAMES: readonly ProfileName[] = ['seed', 'aws-current', 'strict'];
/** A profile by name: a built-in one, or one a plugin defines (it behaves as a built-in base). */
export type ProfileId = ProfileName | (string & {});

export function isBuiltInProfile(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}
/** Every token-taking action the suite has an adapter for (harness/actions/index.ts). */
export const TOKEN_ACTIONS = [
  'RunInstances',
  'CreateLaunchTemplate',
  'CreateVolume',
  'CreateNetworkInterface',
  'CreateRouteTable',
  'CreateNetworkAcl',
  'CreateEgressOnlyInternetGateway',
  'CreateManagedPrefixList',
  'CreateTrafficMirrorFilter',
  'CreateVpcEndpoint',
  'CreateLaunchTemplateVersion',
  'CreateNatGateway',
] as const;
export type TokenActionName = (typeof TOKEN_ACTIONS)[number];
/**
 * A token-taking action by name: a built-in one (TokenActionName, checked by the type) or one a
 * plugin adds (any other EC2 action name, checked when the plugin loads).
 */
export type ActionName = TokenActionName | (string & {});

/**
 * What a run tests unless the target file or `--action` says otherwise: the two actions every
 * EC2-compatible endpoint has, which keeps `npm start` within 10 s. `--action all` tests every one.
 */
export const DEFAULT_ACTIONS: readonly TokenActionName[] = ['RunInstances', 'CreateLaunchTemplate'];

export interface RegionConfig {
  readonly name: string;
  /** @defaultValue the target's `endpoint` */
  readonly endpoint?: string;
  /** @defaultValue the target's `imageId` */
  readonly imageId?: string;
}

export interface BudgetConfig {
  readonly maxAlive?: number;
  readonly maxLaunches?: number;
  readonly maxRequests?: number;
  readonly requestsPerSecond?: number;
}

/** A target file as a user writes it (validated by target.schema.json). */
export interface TargetConfig {
  /** @defaultValue the endpoint's host */
  readonly name?: string;
  readonly endpoint: string;
  readonly regions: readonly (string | RegionConfig)[];
  readonly imageId: string;
  /** @defaultValue ['t3.micro', 't3.small'] */
  readonly instanceTypes?: readonly string[];
  /** @defaultValue the AWS default credential chain */
  readonly credentials?: Credentials;
  /** A second account's keys; enables ACCOUNT-SCOPE. @defaultValue none */
  readonly secondaryCredentials?: Credentials;
  /** A built-in profile, or a plugin's. @defaultValue 'seed' */
  readonly profile?: ProfileId;
  /** Token-taking actions to test. @defaultValue DEFAULT_ACTIONS (RunInstances, CreateLaunchTemplate) */
  readonly actions?: readonly ActionName[];
  /** Per attempt, connect to last byte. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /**
   * Shortest generated token. Raise it for endpoints that keep tokens between runs (real AWS keeps
   * them ≥ 24 h), where a short token of an earlier run would collide. @defaultValue 1
   */
  readonly minTokenLength?: number;
  readonly budget?: BudgetConfig;
  /**
   * How long a read-back waits for what a create made to be listed (EC2 is eventually consistent).
   * @defaultValue 5000 on this machine, 60000 elsewhere
   */
  readonly consistencyWindowMs?: number;
  /**
   * Rule × action tests in flight at once. Lower it for an endpoint that slows down under load
   * (moto serves one request at a time). @defaultValue 10
   */
  readonly concurrency?: number;
  /** Expected deviations file. @defaultValue none */
  readonly expectations?: string;
  /** What `ec2-idem certify` records as the product (certification/product.ts). @defaultValue none */
  readonly product?: ProductFields;
  /** Plugins to load: paths relative to the target file, or package names. @defaultValue none */
  readonly plugins?: readonly string[];
}

/**
 * A target file that names no endpoint: the run starts the embedded reference emulator (which
 * serves the plugins' emulator actions too) and takes the rest of its settings from the file.
 */
export interface EmbeddedTargetFile extends Pick<TargetConfig, 'name' | 'profile' | 'actions' | 'timeoutMs' | 'minTokenLength' | 'budget' | 'consistencyWindowMs' | 'concurrency' | 'expectations' | 'plugins' | 'product'> {
  readonly embedded: true;
}

/** A target file as written: an endpoint's, or the embedded emulator's (`"embedded": true`). */
export type TargetFile = TargetConfig | EmbeddedTargetFile;

export function isEmbeddedTargetFile(file: TargetFile): file is EmbeddedTargetFile {
  return 'embedded' in file && file.embedded === true;
}

/** The product a target is, as a target file may describe it for a certification. */
export interface ProductFields {
  readonly vendor?: string;
  readonly product?: string;
  readonly version?: string;
  readonly endpointKind?: 'emulator' | 'cloud' | 'on-premises';
  readonly regions?: readonly string[];
}

export interface ResolvedRegion {
  readonly name: string;
  readonly endpoint: URL;
  readonly imageId: string;
}

/** The strict internal form every later stage uses; built once, at the edge. */
export interface ResolvedTarget {
  readonly name: string;
  readonly regions: readonly [ResolvedRegion, ...ResolvedRegion[]];
  readonly instanceTypes: readonly string[];
  readonly credentials: CredentialSource;
  readonly secondaryCredentials: CredentialSource | undefined;
  readonly profile: ProfileName;
  readonly actions: readonly ActionName[];
  readonly timeoutMs: number;
  readonly minTokenLength: number;
  readonly budget: BudgetConfig | undefined;
  readonly consistencyWindowMs: number;
  readonly concurrency: number;
  readonly expectations: string | undefined;
  /** True when every endpoint is on this machine (127.0.0.0/8, ::1, localhost). */
  readonly isLoopback: boolean;
}

/** Typing helper for target files written in TypeScript; returns its argument. */
export function defineTarget(config: TargetConfig): TargetConfig {
  return config;
}

// Compiled on first use: `ec2-idem run` without a target file never needs it.
const ajv = new Ajv({ allErrors: true, strict: true });
let validateConfig: ValidateFunction<TargetFile> | undefined;

/** Names beyond the built-in ones that a target may use: the loaded plugins' actions and profiles. */
export interface TargetVocabulary {
  readonly actions?: readonly string[];
  readonly profiles?: readonly string[];
}

const extended = new Map<string, ValidateFunction<TargetFile>>();

/** The schema with its action and profile lists extended by the plugins' names (compiled once per set). */
function validatorFor(vocabulary: TargetVocabulary | undefined): ValidateFunction<TargetFile> {
  const actions = vocabulary?.actions ?? [];
  const profiles = vocabulary?.profiles ?? [];
  if (actions.length === 0 && profiles.length === 0) return (validateConfig ??= ajv.compile<TargetFile>(schema));
  const key = JSON.stringify([actions, profiles]);
  let validate = extended.get(key);
  if (validate === undefined) {
    // Without its $id: ajv keeps one schema per id.
    const { $id: _id, ...copy } = structuredClone(schema);
    copy.properties.actions.items.enum = [...new Set([...copy.properties.actions.items.enum, ...actions])];
    copy.properties.profile.enum = [...new Set([...copy.properties.profile.enum, ...profiles])];
    validate = ajv.compile<TargetFile>(copy);
    extended.set(key, validate);
  }
  return validate;
}

/** Validates a parsed target file (an endpoint's or the embedded emulator's) and names every bad field with the fix. */
export function checkTargetFile(value: unknown, source: string, vocabulary?: TargetVocabulary): TargetFile {
  const validate = validatorFor(vocabulary);
  if (validate(value)) return value;
  throw new HarnessError('EC2IDEM_TARGET_INVALID', `${source}: ${explainSchemaErrors(validate.errors)}`);
}

/** Validates a parsed target and names every bad field with the fix; a target needs an endpoint. */
export function checkTargetConfig(value: unknown, source: string, vocabulary?: TargetVocabulary): TargetConfig {
  const file = checkTargetFile(value, source, vocabulary);
  if (isEmbeddedTargetFile(file)) throw new HarnessError('EC2IDEM_TARGET_INVALID', `${source}: "embedded": true names no endpoint; this needs a target with an "endpoint"`);
  return file;
}

/** Reads a target file as JSON: a path that cannot be read or parsed is a HarnessError naming it. */
export async function readTargetJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new HarnessError('EC2IDEM_TARGET_UNREADABLE', `target file ${path} cannot be read (${(cause as Error).message})`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new HarnessError('EC2IDEM_TARGET_INVALID', `target file ${path} is not valid JSON (${(cause as Error).message})`, { cause });
  }
  return parsed;
}

export async function loadTargetFile(path: string, vocabulary?: TargetVocabulary): Promise<TargetConfig> {
  return checkTargetConfig(await readTargetJson(path), `target file ${path}`, vocabulary);
}

export function resolveTarget(config: TargetConfig): ResolvedTarget {
  const [first, ...rest] = config.regions.map((region) => resolveRegion(config, region));
  if (first === undefined) throw new HarnessError('EC2IDEM_TARGET_INVALID', 'target: "regions" must name at least one region');
  const regions: [ResolvedRegion, ...ResolvedRegion[]] = [first, ...rest];
  const isLoopback = regions.every((region) => isLoopbackHost(region.endpoint.hostname));
  return {
    name: config.name ?? first.endpoint.host,
    regions,
    instanceTypes: config.instanceTypes ?? ['t3.micro', 't3.small'],
    credentials: config.credentials ? staticCredentials(config.credentials) : defaultChainCredentials(),
    secondaryCredentials: config.secondaryCredentials ? staticCredentials(config.secondaryCredentials) : undefined,
    profile: builtInProfile(config.profile ?? 'seed'),
    actions: config.actions ?? DEFAULT_ACTIONS,
    timeoutMs: config.timeoutMs ?? 10_000,
    minTokenLength: config.minTokenLength ?? 1,
    budget: config.budget,
    consistencyWindowMs: config.consistencyWindowMs ?? defaultConsistencyWindowMs(isLoopback),
    concurrency: config.concurrency ?? 10,
    expectations: config.expectations,
    isLoopback,
  };
}

/** A plugin's profile must be resolved to its base before the target is (specs/runContext.ts does). */
function builtInProfile(name: ProfileId): ProfileName {
  if (!isBuiltInProfile(name)) throw new HarnessError('EC2IDEM_USAGE', `profile "${name}" is not a built-in profile (${PROFILE_NAMES.join(', ')}); a plugin's profile needs its plugin loaded`);
  return name;
}

function resolveRegion(config: TargetConfig, region: string | RegionConfig): ResolvedRegion {
  const spec = typeof region === 'string' ? { name: region } : region;
  return { name: spec.name, endpoint: new URL(spec.endpoint ?? config.endpoint), imageId: spec.imageId ?? config.imageId };
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
