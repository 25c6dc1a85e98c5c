import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeReports } from '../reports/emit.ts';
import { conformanceLevel } from '../reports/level.ts';
import { badgeSvg } from './badge.ts';
import { BUNDLE, digestFiles } from './bundleFiles.ts';
import { buildCertificate, type Certificate, type CertificateInput } from './certificate.ts';
import { catalogueDigest } from './catalogueDigest.ts';
import type { Product } from './product.ts';
import { checkCertificate, checkProduct } from './schemas.ts';
import { SUITE } from './suite.ts';

/**
 * Everything a bundle says besides its evidence (which the run streamed into the folder already):
 * what its certificate says, but for what the writer works out itself (the catalogue's digest and
 * the files'), and the product.
 */
export type BundleContent = Omit<CertificateInput, 'catalogue' | 'files'> & { readonly product: Product };

/**
 * Writes the reports (whatever files writeReports makes), product.json and badge.svg into `dir`,
 * then certificate.json last, with the digest of every other file found in the folder.
 */
export async function writeBundle(dir: string, content: BundleContent): Promise<Certificate> {
  const productProblems = checkProduct(content.product);
  if (productProblems.length > 0) throw new Error(`internal error: product.json does not match its schema: ${productProblems.join('; ')}`);
  await writeReports(content.report, dir);
  await writeFile(join(dir, BUNDLE.product), `${JSON.stringify(content.product, null, 2)}\n`, 'utf8');
  const badge = { suiteVersion: SUITE.version, profile: content.report.run.profile, verdict: content.report.conformance, level: conformanceLevel(content.report.rules) };
  await writeFile(join(dir, BUNDLE.badge), badgeSvg(badge), 'utf8');
  const certificate = buildCertificate({ ...content, catalogue: catalogueDigest(), files: await digestFiles(dir) });
  const problems = checkCertificate(certificate);
  if (problems.length > 0) throw new Error(`internal error: certificate.json does not match its schema: ${problems.join('; ')}`);
  await writeFile(join(dir, BUNDLE.certificate), `${JSON.stringify(certificate, null, 2)}\n`, 'utf8');
  return certificate;
}
