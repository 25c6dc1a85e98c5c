import { CATALOG } from '../specs/catalog.ts';
import { RULE_CATALOGUE_VERSION } from '../specs/catalogVersion.ts';
import { canonicalJson, sha256Text } from './digest.ts';

/** What a certificate says about the rules that judged it. */
export interface CatalogueIdentity {
  readonly version: number;
  /** SHA-256 of the canonical JSON of every rule's header (see {@link catalogueDigest}). */
  readonly sha256: string;
  readonly rules: number;
}

/**
 * The installed rule catalogue, as a digest: every rule's id, title, strength and source (section
 * and link), sorted by id, in canonical JSON. Any change to what a rule is called, how strong it is
 * or what it rests on changes the digest, even where the catalogue version was not bumped.
 */
export function catalogueDigest(): CatalogueIdentity {
  const headers = CATALOG.map((rule) => ({ id: rule.id, title: rule.description, strength: rule.strength, source: { ref: rule.source.ref, link: rule.source.link } }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: RULE_CATALOGUE_VERSION, sha256: sha256Text(canonicalJson(headers)), rules: headers.length };
}
