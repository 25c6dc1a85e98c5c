import { HarnessError } from '../harness/errors.ts';
import type { RunEntry } from '../harness/ledger.ts';
import { loadTargetFile, type TargetConfig } from '../harness/target.ts';
import { setUpPlugins } from './pluginFlags.ts';

/** Why a command reading a ledger could not handle an action of the run, and the fix. */
export function notLoaded(action: string): string {
  return `no loaded plugin knows ${action} (pass --plugin with the plugin the run used)`;
}

/** Plugins a command that reads a ledger was given (`--plugin`, `--allow-override`). */
export interface LedgerPlugins {
  readonly flags?: readonly string[];
  readonly allowOverride?: boolean;
}

/**
 * The target of a run found again from its ledger: `--target FILE`, else the target file the run
 * recorded, else the ledger's endpoints with credentials from the AWS default chain. The plugins
 * of the flags and of that target file are loaded first (their actions' resources are then found
 * and their tokens sent again as the run did).
 */
export async function targetOfLedger(header: RunEntry | undefined, targetFile: string | undefined, plugins: LedgerPlugins = {}): Promise<TargetConfig> {
  const file = targetFile ?? header?.targetFile;
  const { vocabulary } = await setUpPlugins({ flags: plugins.flags, targetFile: file, allowOverride: plugins.allowOverride });
  if (file) return loadTargetFile(file, vocabulary);
  if (!header) throw new HarnessError('EC2IDEM_LEDGER', 'the ledger has no run header: pass --target FILE');
  const [first] = header.target.regions;
  if (!first) throw new HarnessError('EC2IDEM_LEDGER', 'the ledger names no region: pass --target FILE');
  return {
    name: header.target.name,
    endpoint: first.endpoint,
    regions: header.target.regions.map((r) => ({ name: r.name, endpoint: r.endpoint })),
    imageId: 'ami-0123456789abcdef0',
  };
}
