import { mkdir, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { HarnessError } from '../harness/errors.ts';
import { sha256File } from './digest.ts';

/** The files of a bundle with fixed names; the report writers may add others (all are hashed). */
export const BUNDLE = {
  certificate: 'certificate.json',
  report: 'report.json',
  junit: 'junit.xml',
  summary: 'summary.md',
  evidence: 'evidence.jsonl',
  product: 'product.json',
  badge: 'badge.svg',
} as const;

/** Every file the certificate must list (report.html and any later report are listed when present). */
export const REQUIRED_FILES: readonly string[] = [BUNDLE.report, BUNDLE.junit, BUNDLE.summary, BUNDLE.evidence, BUNDLE.product, BUNDLE.badge];

export interface FileDigest {
  readonly sha256: string;
  readonly bytes: number;
}

/** Every file under `dir` (sub-folders included) as a `/`-separated relative path, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The digest of every file of the bundle except the certificate itself, keyed by relative path. */
export async function digestFiles(dir: string): Promise<Record<string, FileDigest>> {
  const files: Record<string, FileDigest> = {};
  for (const path of await listFiles(dir)) {
    if (path !== BUNDLE.certificate) files[path] = await sha256File(join(dir, path));
  }
  return files;
}

/** Creates `dir` for a new bundle; one that already holds files is refused (old files would be certified too). */
export async function newBundleFolder(dir: string, flag = '--out'): Promise<void> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new HarnessError('EC2IDEM_USAGE', `${flag} ${dir} cannot be used: ${error.message}`);
  });
  if (existing.length > 0) throw new HarnessError('EC2IDEM_USAGE', `${flag} ${dir} is not empty: a bundle goes into a new or empty folder`);
  await mkdir(dir, { recursive: true });
}
