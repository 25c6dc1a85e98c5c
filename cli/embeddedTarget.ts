import { randomBytes } from 'node:crypto';
import type { BugName, LegitVariantName } from '../emulator/bugs.ts';
import type { EmulatorOptions } from '../emulator/server.ts';
import { dropSpareEmulatorThread, startEmulatorThread, type EmbeddedEmulator } from './emulatorThread.ts';
import type { ProfileName, TargetConfig } from '../harness/target.ts';
import { activePlugins, overridesAllowed } from '../plugins/registry.ts';

export const EMBEDDED_REGIONS = ['us-east-1', 'us-west-2'] as const;
/** Where globalSetup leaves the embedded emulator's URL for the report (it runs in the CLI's process). */
export const EMBEDDED_ENDPOINT_ENV = 'EC2IDEM_EMBEDDED_ENDPOINT';
const PRIMARY = { accessKeyId: 'AKIDEC2IDEMPRIMARY01', accountId: '111111111111' };
const SECONDARY = { accessKeyId: 'AKIDEC2IDEMSECOND002', accountId: '222222222222' };

export interface EmbeddedOptions {
  readonly profile: ProfileName;
  /** A seeded bug to switch on (self-tests): a built-in one, or one an active plugin brings. @defaultValue none */
  readonly bug?: BugName | (string & {});
  /** A legitimate variant to switch on (self-tests). @defaultValue none */
  readonly variant?: LegitVariantName;
  /** Seeds the emulator's fault choices, so that a run's seed replays its faults too. @defaultValue random */
  readonly seed?: number;
}

export interface EmbeddedTarget {
  readonly emulator: EmbeddedEmulator;
  readonly target: TargetConfig;
}

/**
 * The reference emulator, fresh for this run, with two regions and two accounts whose keys it
 * knows (so every signature is verified). Fresh means no token was ever used: short tokens are safe.
 * It serves the active plugins' emulator actions too (plugins/registry.ts), and their seeded bugs.
 * Without plugins it runs in a worker thread of its own (emulatorThread.ts).
 */
export async function startEmbeddedTarget(options: EmbeddedOptions): Promise<EmbeddedTarget> {
  const primarySecret = randomBytes(20).toString('base64');
  const secondarySecret = randomBytes(20).toString('base64');
  const emulatorOptions: EmulatorOptions = {
    regions: EMBEDDED_REGIONS,
    strictAuth: true,
    accounts: {
      [PRIMARY.accessKeyId]: { accountId: PRIMARY.accountId, secretAccessKey: primarySecret },
      [SECONDARY.accessKeyId]: { accountId: SECONDARY.accountId, secretAccessKey: secondarySecret },
    },
    // The profile's answer to a replay after termination (token-after-terminate.ts) is what AWS does today.
    terminatedReplay: options.profile === 'aws-current' ? 'error' : 'replay',
    bug: options.bug,
    variant: options.variant,
    ...(options.seed === undefined ? {} : { faults: { seed: options.seed } }),
  };
  const emulator = activePlugins().length === 0 ? await startEmulatorThread(emulatorOptions) : await startWithPlugins(emulatorOptions);
  const target: TargetConfig = {
    name: 'embedded reference emulator',
    endpoint: emulator.url,
    regions: [...EMBEDDED_REGIONS],
    imageId: 'ami-0123456789abcdef0',
    credentials: { accessKeyId: PRIMARY.accessKeyId, secretAccessKey: primarySecret },
    secondaryCredentials: { accessKeyId: SECONDARY.accessKeyId, secretAccessKey: secondarySecret },
    profile: options.profile,
    minTokenLength: 1,
    timeoutMs: 5000,
  };
  process.env[EMBEDDED_ENDPOINT_ENV] = emulator.url;
  return { emulator, target };
}

/**
 * Plugins' actions and bugs are code, which cannot cross into a thread: with plugins the emulator
 * runs in this thread. Loaded only then, so that a plain run does not load the emulator twice.
 */
async function startWithPlugins(options: EmulatorOptions): Promise<EmbeddedEmulator> {
  await dropSpareEmulatorThread();
  const [{ startEmulator }, { pluginEmulatorSetup }] = await Promise.all([import('../emulator/server.ts'), import('../plugins/emulatorActions.ts')]);
  const plugins = pluginEmulatorSetup(activePlugins(), options, overridesAllowed());
  return startEmulator(plugins.options, plugins.actions);
}
