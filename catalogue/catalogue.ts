import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The committed catalogue of every EC2 operation that takes a ClientToken, as `npm run catalogue`
// wrote it from the pinned @aws-sdk/client-ec2 model (catalogue/model.ts). This file only reads
// it: it needs no devDependency, so the CLI can use it.

/** Where the committed catalogue lives. */
export const CATALOGUE_PATH = fileURLToPath(new URL('./ec2-client-token-operations.json', import.meta.url));

/** How the member naming what an operation created was picked (see CREATED_MEMBER_HEURISTIC). */
export type CreatedMemberRule = 'task' | 'name' | 'suffix' | 'prefix' | 'id' | 'first-structure';

/** One operation whose input has a member named ClientToken, at the top level or nested. */
export interface CatalogueOperation {
  /** The operation (the Query API's Action), e.g. `RunInstances`. */
  readonly name: string;
  /** The token's member path from the input: `ClientToken`, or e.g. `SpotFleetRequestConfig.ClientToken` (`[]` crosses a list). */
  readonly tokenMember: string;
  /** Whether the model marks the token member with Smithy's `@idempotencyToken` trait. */
  readonly idempotencyToken: boolean;
  /**
   * The token's maximum length, when the member's documentation states one; else null. (The SDK's
   * schemas drop Smithy's `@length` trait, so only the documented limits are known.)
   */
  readonly tokenMaxLength: number | null;
  /** The documentation's sentence stating that limit, e.g. `Maximum 64 ASCII characters`; else null. */
  readonly tokenMaxLengthText: string | null;
  /** The input structure's name. */
  readonly input: string;
  /**
   * The input's required members, in model order, as the SDK's schema has them: the SDK drops
   * `@required` from an idempotency token it fills in itself, so ClientToken is never listed.
   */
  readonly required: readonly string[];
  /** The output structure's name, or null for an operation without output. */
  readonly output: string | null;
  /** The output's top-level members, in model order. */
  readonly outputMembers: readonly string[];
  /** Best effort: the output member that names what the call created (or acted on); null if none looks like it. */
  readonly createdMember: string | null;
  /** Which rule of the heuristic picked createdMember; null when it is null. */
  readonly createdMemberRule: CreatedMemberRule | null;
}

export interface Catalogue {
  /** The model the catalogue was generated from. */
  readonly source: { readonly package: string; readonly version: string; readonly namespace: string };
  readonly counts: {
    /** Every operation in the model. */
    readonly operations: number;
    /** Operations with a ClientToken member anywhere in their input. */
    readonly withClientToken: number;
    /** Of those, the ones whose token carries the idempotencyToken trait. */
    readonly withIdempotencyTokenTrait: number;
    /** Of those, the ones whose token is nested (not a top-level input member). */
    readonly nestedToken: number;
    /** Of those, the ones whose documentation states a maximum length. */
    readonly withDocumentedMaxLength: number;
  };
  /** The heuristic behind createdMember, in words (so the file explains itself). */
  readonly createdMemberHeuristic: string;
  /** What the source model leaves out, and so the catalogue too. */
  readonly notes: readonly string[];
  /** One entry per operation, sorted by name. */
  readonly operations: readonly CatalogueOperation[];
}

/** Reads the committed catalogue; throws one sentence naming the file if it is missing or not a catalogue. */
export function readCatalogue(path: string = CATALOGUE_PATH): Catalogue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the ClientToken catalogue ${path}: ${(error as Error).message} (regenerate it with npm run catalogue)`);
  }
  const candidate = parsed as Partial<Catalogue> | null;
  if (!candidate || typeof candidate !== 'object' || !Array.isArray(candidate.operations) || typeof candidate.source?.version !== 'string') {
    throw new Error(`${path} is not a ClientToken catalogue (no source.version or operations): regenerate it with npm run catalogue`);
  }
  return candidate as Catalogue;
}
