import { HarnessError } from '../harness/errors.ts';
import { checkTargetConfig, checkTargetFile, isEmbeddedTargetFile, readTargetJson, type EmbeddedTargetFile, type ProfileId, type TargetConfig, type TargetVocabulary } from '../harness/target.ts';

export interface TargetFlags {
  readonly target?: string;
  readonly endpoint?: string;
  readonly regions?: readonly string[];
  readonly imageId?: string;
  readonly profile?: ProfileId;
  /** The target file's JSON when it was already read (to find its plugins). @defaultValue read from `target` */
  readonly targetJson?: unknown;
  /** The loaded plugins' actions and profiles, which the target file may name. @defaultValue none */
  readonly vocabulary?: TargetVocabulary;
}

/** An AMI id shape every emulator accepts; real endpoints need `--image-id` or a target file. */
export const PLACEHOLDER_IMAGE_ID = 'ami-0123456789abcdef0';

/**
 * The target as a user described it: a target file, flags, or both (flags win). Undefined means
 * "no target": the run uses the embedded emulator. Everything is validated like a target file.
 */
export async function targetFromFlags(flags: TargetFlags): Promise<TargetConfig | undefined> {
  return (await targetSelection(flags)).target;
}

/**
 * The target, or else the embedded emulator: with the settings of a target file that says
 * `"embedded": true` (its actions, profile, plugins, expectations…), when it is one.
 */
export async function targetSelection(flags: TargetFlags): Promise<{ readonly target?: TargetConfig; readonly embeddedFile?: EmbeddedTargetFile }> {
  const json = flags.target ? (flags.targetJson ?? (await readTargetJson(flags.target))) : undefined;
  const file = json === undefined ? undefined : checkTargetFile(json, `target file ${flags.target}`, flags.vocabulary);
  const embeddedFile = file && isEmbeddedTargetFile(file) ? file : undefined;
  if ((!file || embeddedFile) && !flags.endpoint) {
    if (flags.regions?.length || flags.imageId) {
      throw new HarnessError('EC2IDEM_USAGE', '--region and --image-id need --endpoint or a target file with an endpoint (without them the embedded emulator is used)');
    }
    return embeddedFile ? { embeddedFile } : {};
  }
  // --endpoint turns an embedded target file into an endpoint's: its other settings still apply.
  const { embedded: _embedded, ...settings } = (embeddedFile ?? file ?? {}) as Partial<TargetConfig> & { embedded?: true };
  const merged = {
    ...settings,
    endpoint: flags.endpoint ?? settings.endpoint,
    regions: flags.regions?.length ? flags.regions : (settings.regions ?? ['us-east-1']),
    imageId: flags.imageId ?? settings.imageId ?? PLACEHOLDER_IMAGE_ID,
    ...(flags.profile ? { profile: flags.profile } : {}),
  };
  return { target: checkTargetConfig(merged, flags.target ? `target file ${flags.target} with command-line flags` : 'command-line flags', flags.vocabulary) };
}
