import { HarnessError } from '../harness/errors.ts';
import { checkTargetConfig, loadTargetFile, type ProfileName, type TargetConfig } from '../harness/target.ts';

export interface TargetFlags {
  readonly target?: string;
  readonly endpoint?: string;
  readonly regions?: readonly string[];
  readonly imageId?: string;
  readonly profile?: ProfileName;
}

/** An AMI id shape every emulator accepts; real endpoints need `--image-id` or a target file. */
export const PLACEHOLDER_IMAGE_ID = 'ami-0123456789abcdef0';

/**
 * The target as a user described it: a target file, flags, or both (flags win). Undefined means
 * "no target": the run uses the embedded emulator. Everything is validated like a target file.
 */
export async function targetFromFlags(flags: TargetFlags): Promise<TargetConfig | undefined> {
  const file = flags.target ? await loadTargetFile(flags.target) : undefined;
  if (!file && !flags.endpoint) {
    if (flags.regions?.length || flags.imageId) {
      throw new HarnessError('EC2IDEM_USAGE', '--region and --image-id need --endpoint or --target (without them the embedded emulator is used)');
    }
    return undefined;
  }
  const merged = {
    ...file,
    endpoint: flags.endpoint ?? file?.endpoint,
    regions: flags.regions?.length ? flags.regions : (file?.regions ?? ['us-east-1']),
    imageId: flags.imageId ?? file?.imageId ?? PLACEHOLDER_IMAGE_ID,
    ...(flags.profile ? { profile: flags.profile } : {}),
  };
  return checkTargetConfig(merged, flags.target ? `target file ${flags.target} with command-line flags` : 'command-line flags');
}
