// Builds the ClientToken catalogue from the EC2 API model that the pinned AWS SDK for JavaScript v3
// ships (@aws-sdk/client-ec2, a devDependency pinned exactly in package.json and package-lock.json).
//
// Why this source and not botocore's service-2.json: `npm ci` reproduces this model byte for byte
// on any machine, so CI can check the committed file against it; botocore comes with whatever
// Python, pip or AWS CLI a machine happens to have, which nothing in this repository pins.
//
// What the SDK ships, and what is read from it:
// - its schemas (exported `Name$` arrays, read through @smithy/core's NormalizedSchema): every
//   operation (`[9, namespace, name, traits, input, output]`), structure members, the traits
//   bitmask that carries `idempotencyToken`, and the count of required members (required
//   members come first in a structure's member list: index 6 of a static structure schema);
// - its type declarations (dist-types/models/*.d.ts): each member's documentation. The schemas
//   drop Smithy's `@length` trait, so a token's maximum length is taken from the documentation's
//   "Constraint(s): Maximum N … characters" / "Up to N … characters" sentence when it has one.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NormalizedSchema } from '@smithy/core/schema';
import type { Catalogue, CatalogueOperation, CreatedMemberRule } from './catalogue.ts';

export const SDK_PACKAGE = '@aws-sdk/client-ec2';
const TOKEN = 'ClientToken';

export const CREATED_MEMBER_HEURISTIC = [
  'Best effort, from the output\'s top-level members. The resource noun is the operation name without its first word (CreateLaunchTemplate: LaunchTemplate; RunInstances: Instances), taken with its singular and plural, and for Request* also "<singular>Request" (RequestSpotFleet: SpotFleetRequest).',
  'Bookkeeping members never count: ClientToken, Return, Status, NextToken, Warning, Errors, Tags, Unsuccessful*.',
  'The first rule that matches picks: task (Import*/Export*: "<Verb><noun>TaskId" or "<Verb>TaskId"),',
  'name (a noun, or a noun followed by Id, Ids, IdSet or Set: Instances, LaunchTemplate, VolumeId, HostIds),',
  'suffix (a member, less those endings, that the noun ends with, or one that ends with the noun: PrefixList for ManagedPrefixList),',
  'prefix (a member that starts with the noun: IpamResourceDiscoveryAssociation),',
  'id (the first member ending in Id, Ids or IdSet), first-structure (the first structure or list member); else null.',
].join(' ');

export const NOTES = [
  'Source: the schemas and type declarations @aws-sdk/client-ec2 ships; npm ci reproduces them from package-lock.json.',
  'required: the SDK drops @required from idempotency tokens it fills in itself, so ClientToken is never listed (botocore 1.43 marks it required for CreateNetworkInsightsAccessScope, CreateNetworkInsightsPath, StartNetworkInsightsAccessScopeAnalysis and StartNetworkInsightsAnalysis).',
  'tokenMaxLength: the SDK drops Smithy\'s @length trait, so the limit is the one the token\'s documentation states ("Constraint: Maximum 64 ASCII characters"), else null (botocore 1.43 has max 128 on CopyImage and CreateImageUsageReport, which the SDK neither keeps nor documents).',
];

/** The model could not be read: the message says what is missing and how to get it. */
export class ModelSourceError extends Error {}

interface OperationSchema {
  readonly name: string;
  readonly input: NormalizedSchema;
  readonly output: NormalizedSchema;
}

interface Sdk {
  readonly version: string;
  readonly namespace: string;
  readonly operations: readonly OperationSchema[];
  /** Structure name → member name → the member's documentation (tags stripped, one line). */
  readonly docs: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Loads the pinned SDK's operation schemas and member documentation, or throws ModelSourceError. */
export function loadSdk(packageName: string = SDK_PACKAGE): Sdk {
  const require = createRequire(import.meta.url);
  let root: string;
  let version: string;
  let exports: Record<string, unknown>;
  try {
    const manifest = require.resolve(`${packageName}/package.json`);
    root = dirname(manifest);
    version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    exports = require(packageName) as Record<string, unknown>;
  } catch (error) {
    throw new ModelSourceError(`cannot read the EC2 model from ${packageName} (${oneLine((error as Error).message)}): it is a devDependency of this repository, install it with npm ci`);
  }
  const operations: OperationSchema[] = [];
  let namespace = '';
  for (const [key, value] of Object.entries(exports)) {
    if (!key.endsWith('$') || !Array.isArray(value) || value[0] !== 9 || typeof value[2] !== 'string') continue;
    namespace = String(value[1]);
    operations.push({ name: value[2], input: NormalizedSchema.of(value[4]), output: NormalizedSchema.of(value[5]) });
  }
  const runInstances = operations.find((o) => o.name === 'RunInstances');
  if (operations.length < 100 || !runInstances || !hasIdempotencyToken(runInstances.input)) {
    throw new ModelSourceError(
      `${packageName}@${version} does not export the operation schemas this script reads (${operations.length} operations found, RunInstances ${runInstances ? 'without an idempotency token' : 'missing'}): its schema format changed, update catalogue/model.ts`,
    );
  }
  operations.sort((a, b) => compare(a.name, b.name));
  return { version, namespace, operations, docs: readMemberDocs(join(root, 'dist-types', 'models'), packageName) };
}

function hasIdempotencyToken(input: NormalizedSchema): boolean {
  try {
    return input.getMemberSchema(TOKEN).isIdempotencyToken();
  } catch {
    return false;
  }
}

/** Every `export interface Name { … }` in the SDK's model declarations, with each member's doc comment. */
function readMemberDocs(folder: string, packageName: string): Map<string, Map<string, string>> {
  const docs = new Map<string, Map<string, string>>();
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => /^models_\d+\.d\.ts$/.test(f));
  } catch (error) {
    throw new ModelSourceError(`cannot read ${packageName}'s model declarations in ${folder} (${oneLine((error as Error).message)}): reinstall it with npm ci`);
  }
  for (const file of files) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const [, name, body] of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
      const members = new Map<string, string>();
      for (const [, comment, member] of body!.matchAll(/\/\*\*([\s\S]*?)\*\/\s*\n\s*(\w+)\??:/g)) {
        members.set(member!, oneLine(comment!.replace(/^\s*\*/gm, ' ').replace(/<[^>]+>/g, ' ')));
      }
      docs.set(name!, members);
    }
  }
  if (docs.size === 0) throw new ModelSourceError(`no model declarations found in ${folder}: reinstall ${packageName} with npm ci`);
  return docs;
}

interface TokenAt {
  readonly path: string;
  readonly schema: NormalizedSchema;
  /** The structure that has the ClientToken member. */
  readonly owner: string;
}

/** Every ClientToken member reachable from a structure, shallowest first. */
function findTokens(struct: NormalizedSchema, path: string, seen: ReadonlySet<string>): TokenAt[] {
  const name = struct.getName() ?? '';
  if (seen.has(name)) return [];
  const inside = new Set(seen).add(name);
  const here: TokenAt[] = [];
  const deeper: TokenAt[] = [];
  for (const [member, schema] of struct.structIterator()) {
    const at = path === '' ? member : `${path}.${member}`;
    if (member === TOKEN) here.push({ path: at, schema, owner: name });
    let target = schema;
    let suffix = '';
    while (target.isListSchema() || target.isMapSchema()) {
      target = target.getValueSchema();
      suffix += '[]';
    }
    if (target.isStructSchema()) deeper.push(...findTokens(target, at + suffix, inside));
  }
  return [...here, ...deeper];
}

/** Required members: a static structure schema lists them first and counts them at index 6. */
function requiredMembers(struct: NormalizedSchema): string[] {
  const raw = struct.getSchema() as unknown as readonly unknown[];
  const names = raw[4] as readonly string[];
  const count = typeof raw[6] === 'number' ? raw[6] : 0;
  return names.slice(0, count);
}

const MAX_LENGTH = /Constraints?:\s*((?:Maximum(?: of)?|Up to)\s+(\d+)\s+(?:[\w-]+\s+)?characters(?: in length)?)/i;

function maxLengthOf(doc: string | undefined): { max: number; text: string } | null {
  const match = doc === undefined ? null : MAX_LENGTH.exec(doc);
  return match ? { max: Number(match[2]), text: match[1]! } : null;
}

function operationEntry(op: OperationSchema, token: TokenAt, docs: Sdk['docs']): CatalogueOperation {
  const limit = maxLengthOf(docs.get(token.owner)?.get(TOKEN));
  const outputMembers = op.output.isStructSchema() ? [...op.output.structIterator()].map(([n, s]) => ({ name: n, composite: s.isStructSchema() || s.isListSchema() || s.isMapSchema() })) : [];
  const created = createdMember(op.name, outputMembers);
  return {
    name: op.name,
    tokenMember: token.path,
    idempotencyToken: token.schema.isIdempotencyToken(),
    tokenMaxLength: limit?.max ?? null,
    tokenMaxLengthText: limit?.text ?? null,
    input: op.input.getName() ?? '',
    required: requiredMembers(op.input),
    output: op.output.isUnitSchema() ? null : (op.output.getName() ?? null),
    outputMembers: outputMembers.map((m) => m.name),
    createdMember: created?.member ?? null,
    createdMemberRule: created?.rule ?? null,
  };
}

const BOOKKEEPING = new Set([TOKEN, 'Return', 'Status', 'NextToken', 'Warning', 'Errors', 'Tags']);
const ID_ENDINGS = ['IdSet', 'Ids', 'Id', 'Set'];

function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(s|x|ch|sh)$/.test(word)) return word + 'es';
  return word + 's';
}

/** A member less a trailing Id, Ids, IdSet or Set (the name of what it identifies). */
function withoutIdEnding(member: string): string {
  const ending = ID_ENDINGS.find((e) => member.endsWith(e) && member.length > e.length);
  return ending ? member.slice(0, -ending.length) : member;
}

/** The member of an operation's output that names what it created: CREATED_MEMBER_HEURISTIC. */
export function createdMember(operation: string, members: readonly { name: string; composite: boolean }[]): { member: string; rule: CreatedMemberRule } | null {
  const candidates = members.filter((m) => !BOOKKEEPING.has(m.name) && !m.name.startsWith('Unsuccessful'));
  const words = operation.match(/[A-Z][a-z0-9]*|[A-Z]+(?![a-z])/g) ?? [operation];
  const verb = words[0] ?? operation;
  const noun = operation.slice(verb.length);
  const bases = new Set([noun, singular(noun)]);
  if (verb === 'Request') bases.add(`${singular(noun)}Request`);
  const nouns = new Set([...bases].flatMap((b) => [b, plural(b)]));
  const pick = (rule: CreatedMemberRule, test: (name: string) => boolean) => {
    const found = candidates.find((m) => test(m.name));
    return found ? { member: found.name, rule } : undefined;
  };
  const endsWithWord = (whole: string, part: string) => whole.endsWith(part) && (whole.length === part.length || /[A-Z]/.test(part[0]!));
  return (
    ((verb === 'Import' || verb === 'Export') && pick('task', (n) => n === `${verb}${noun}TaskId` || n === `${verb}TaskId`)) ||
    pick('name', (n) => nouns.has(n) || nouns.has(withoutIdEnding(n))) ||
    pick('suffix', (n) => [...nouns].some((b) => (withoutIdEnding(n) !== '' && endsWithWord(b, withoutIdEnding(n))) || n.endsWith(b))) ||
    pick('prefix', (n) => [...bases].some((b) => n.startsWith(b))) ||
    pick('id', (n) => /(Id|Ids|IdSet)$/.test(n)) ||
    (() => {
      const found = candidates.find((m) => m.composite);
      return found ? { member: found.name, rule: 'first-structure' as const } : undefined;
    })() ||
    null
  );
}

/** The catalogue the given SDK's model implies (default: the pinned one). */
export function buildCatalogue(sdk: Sdk = loadSdk()): Catalogue {
  const operations: CatalogueOperation[] = [];
  for (const op of sdk.operations) {
    if (!op.input.isStructSchema()) continue;
    const tokens = findTokens(op.input, '', new Set());
    if (tokens.length > 1) {
      // Not the case today; when it happens, someone has to decide which token the row describes.
      throw new ModelSourceError(`${op.name} has ${tokens.length} ClientToken members (${tokens.map((t) => t.path).join(', ')}): catalogue/model.ts expects at most one, update it`);
    }
    const [token] = tokens;
    if (token) operations.push(operationEntry(op, token, sdk.docs));
  }
  return {
    source: { package: SDK_PACKAGE, version: sdk.version, namespace: sdk.namespace },
    counts: {
      operations: sdk.operations.length,
      withClientToken: operations.length,
      withIdempotencyTokenTrait: operations.filter((o) => o.idempotencyToken).length,
      nestedToken: operations.filter((o) => o.tokenMember !== TOKEN).length,
      withDocumentedMaxLength: operations.filter((o) => o.tokenMaxLength !== null).length,
    },
    createdMemberHeuristic: CREATED_MEMBER_HEURISTIC,
    notes: NOTES,
    operations,
  };
}

/** The file's text: the header pretty-printed, then one operation per line (a change is a one-line diff). */
export function serializeCatalogue(catalogue: Catalogue): string {
  const { operations, ...header } = catalogue;
  const head = JSON.stringify(header, null, 2).replace(/\n\}$/, '');
  const rows = operations.map((o) => `    ${JSON.stringify(o)}`).join(',\n');
  return `${head},\n  "operations": [\n${rows}\n  ]\n}\n`;
}

/** Compares the committed text with the model's catalogue: null if equal, else one line saying how they differ. */
export function catalogueDifference(committedText: string, expected: Catalogue): string | null {
  const expectedText = serializeCatalogue(expected);
  if (committedText === expectedText) return null;
  let committed: Catalogue;
  try {
    committed = JSON.parse(committedText) as Catalogue;
    if (!Array.isArray(committed.operations)) throw new Error('no operations array');
  } catch (error) {
    return `the committed file is not a catalogue (${oneLine((error as Error).message)})`;
  }
  const parts: string[] = [];
  if (committed.source?.version !== expected.source.version) parts.push(`built from ${committed.source?.package ?? '?'}@${committed.source?.version ?? '?'}, the pinned one is ${expected.source.package}@${expected.source.version}`);
  const before = new Map(committed.operations.map((o) => [o.name, o]));
  const after = new Map(expected.operations.map((o) => [o.name, o]));
  const added = [...after.keys()].filter((n) => !before.has(n));
  const removed = [...before.keys()].filter((n) => !after.has(n));
  const changed = [...after.keys()].flatMap((n) => {
    const was = before.get(n) as unknown as Record<string, unknown> | undefined;
    const now = after.get(n) as unknown as Record<string, unknown>;
    if (!was) return [];
    const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]));
    return fields.length === 0 ? [] : [`${n} (${fields.join(', ')})`];
  });
  if (added.length > 0) parts.push(`${added.length} operation(s) in the model but not in the file: ${listed(added)}`);
  if (removed.length > 0) parts.push(`${removed.length} operation(s) no longer in the model: ${listed(removed)}`);
  if (changed.length > 0) parts.push(`${changed.length} operation(s) changed: ${listed(changed)}`);
  if (parts.length === 0) {
    const { operations: _a, ...headCommitted } = committed;
    const { operations: _b, ...headExpected } = expected;
    parts.push(JSON.stringify(headCommitted) !== JSON.stringify(headExpected) ? 'header (counts or heuristic text) differs' : 'same content, different layout');
  }
  return parts.join('; ');
}

/** `npm run catalogue [-- --check]`: writes the file, or checks it. Returns the exit code. */
export function catalogueMain(argv: readonly string[], file: string, io: { out: (s: string) => void; err: (s: string) => void; read: (f: string) => string | null; write: (f: string, text: string) => void }): number {
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0 || argv.includes('--help')) {
    io.err('usage: npm run catalogue [-- --check]   (writes catalogue/ec2-client-token-operations.json from the pinned @aws-sdk/client-ec2 model; --check only compares)\n');
    return 2;
  }
  let catalogue: Catalogue;
  try {
    catalogue = buildCatalogue();
  } catch (error) {
    if (!(error instanceof ModelSourceError)) throw error;
    io.err(`catalogue: ${error.message}\n`);
    return 2;
  }
  const { counts, source } = catalogue;
  const summary = `${counts.withClientToken} of ${counts.operations} operations take a ClientToken (${counts.withIdempotencyTokenTrait} with the idempotencyToken trait, ${counts.nestedToken} nested, ${counts.withDocumentedMaxLength} with a documented maximum length) in ${source.package}@${source.version}`;
  if (argv.includes('--check')) {
    const committed = io.read(file);
    const difference = committed === null ? 'the file does not exist' : catalogueDifference(committed, catalogue);
    if (difference === null) {
      io.out(`catalogue: ${file} is up to date: ${summary}\n`);
      return 0;
    }
    io.err(`catalogue: ${file} differs from the model: ${difference}; run npm run catalogue and commit the file\n`);
    return 1;
  }
  io.write(file, serializeCatalogue(catalogue));
  io.out(`catalogue: wrote ${file}: ${summary}\n`);
  return 0;
}

function listed(names: readonly string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
