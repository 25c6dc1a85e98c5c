import { join } from 'node:path';
import { BUNDLE, REQUIRED_FILES, listFiles, type FileDigest } from './bundleFiles.ts';
import { sha256File } from './digest.ts';

/**
 * The bundle's files against the certificate's list: every listed file is there with its digest
 * and size, every file there is listed (the certificate excepted), and the required ones are listed.
 */
export async function checkFiles(dir: string, listed: Readonly<Record<string, FileDigest>>): Promise<string[]> {
  const problems: string[] = [];
  const present = (await listFiles(dir)).filter((path) => path !== BUNDLE.certificate);
  for (const path of REQUIRED_FILES) {
    if (!(path in listed)) problems.push(`certificate.json does not list ${path}, which every bundle has`);
  }
  for (const [path, expected] of Object.entries(listed)) {
    if (!present.includes(path)) {
      problems.push(`${path} is listed in certificate.json but missing from the bundle`);
      continue;
    }
    const actual = await sha256File(join(dir, path));
    if (actual.sha256 !== expected.sha256) {
      problems.push(`${path} has been changed: its SHA-256 is ${actual.sha256}, certificate.json says ${expected.sha256}`);
    } else if (actual.bytes !== expected.bytes) {
      problems.push(`${path} is ${actual.bytes} bytes, certificate.json says ${expected.bytes}`);
    }
  }
  for (const path of present) {
    if (!(path in listed)) problems.push(`${path} is in the bundle but not listed in certificate.json`);
  }
  return problems;
}
