import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Ec2Error, Malformed, Ok, XmlNode } from './outcome.ts';
import type { RawExchange } from './send.ts';

// Ids, tokens and tag values stay strings ("012345678901", "007", "1e5"); `<item>` is always a list.
// Values are not trimmed: a token or tag value may begin or end with a space.
const TEXT = '#text';
const INDENTED = />\s+</;
const parser = new XMLParser({
  ignoreDeclaration: true,
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  textNodeName: TEXT,
  processEntities: true,
  isArray: (tagName, _jPath, _isLeaf, isAttribute) => !isAttribute && tagName === 'item',
  // Paths are never looked at: not building them halves the parser's cost.
  jPath: false,
});

const SNIPPET_CHARS = 200;

/**
 * Turns one HTTP answer into an Outcome. Never throws: anything that is not a complete EC2 answer is
 * `malformed`. With `action`, a 2xx success must have the root `<${action}Response>`; an error envelope
 * is accepted whatever the action. Without it, any `…Response` root counts as a success.
 */
export function decode(exchange: RawExchange, action?: string): Ok | Ec2Error | Malformed {
  const { status, body } = exchange;
  const malformed = (reason: string): Malformed => ({ kind: 'malformed', status, reason, snippet: body.slice(0, SNIPPET_CHARS) });
  if (exchange.truncated) return malformed('body larger than the size limit');
  if (body.trim().length === 0) return malformed('empty body');
  // The parser neither matches a closing tag to its opening tag nor minds tags left open at the end:
  // `<R><id>r-1` and `<R><a><b></R>` parse without a word. Only the validator sees that, so every
  // answer pays for a validation pass (+30 to +45 % per answer: `npm run bench -- decode`).
  const validity = XMLValidator.validate(body);
  if (validity !== true) return malformed(`not well-formed XML: ${validatorReason(validity.err)}`);
  // The parser still throws on what the validator misses: a body cut as `<R/`.
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch (error) {
    return malformed(`not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const document = (INDENTED.test(body) ? withoutIndentation(parsed) : parsed) as Record<string, XmlNode | readonly XmlNode[]>;
  const roots = Object.keys(document);
  const root = roots[0];
  const content = root === undefined ? undefined : document[root];
  // The validator lets a second root through when one of them is self-closed (`<R>…</R><R/>`); two
  // roots of one name then parse as a list.
  if (roots.length !== 1 || root === undefined || content === undefined || Array.isArray(content)) return malformed('XML without a single root element');
  const answer = content as XmlNode;
  return (
    decodeError(status, root, answer) ??
    decodeSuccess(status, root, answer, action) ??
    malformed(`unexpected root <${root}> with HTTP ${status}${action === undefined ? '' : ` (expected <${action}Response>)`}`)
  );
}

/** The validator's complaint on one line, with its position when it has a real one. */
function validatorReason(err: { readonly msg: string; readonly line: number; readonly col: number | undefined }): string {
  // Several open tags at the end come as `Invalid '[    "A",    "B"]' found.` at a made-up line 1, column 1.
  const open = /^Invalid '(\[.*\])' found\.$/.exec(err.msg)?.[1];
  if (open !== undefined) return `Unclosed tags ${(JSON.parse(open) as string[]).map((tag) => `'${tag}'`).join(', ')}.`;
  return err.col === undefined ? err.msg : `${err.msg} (line ${err.line}, column ${err.col})`;
}

function decodeError(status: number, root: string, content: XmlNode): Ec2Error | undefined {
  if (typeof content === 'string') return undefined;
  if (root === 'Response') {
    const error = first(field(field(content, 'Errors'), 'Error'));
    return error === undefined ? undefined : errorFrom(status, error, text(content, 'RequestID') ?? text(content, 'RequestId'), 'ec2');
  }
  if (root === 'ErrorResponse') {
    const error = first(field(content, 'Error'));
    return error === undefined ? undefined : errorFrom(status, error, text(content, 'RequestId') ?? text(content, 'RequestID'), 'query');
  }
  return undefined;
}

function errorFrom(status: number, error: XmlNode, requestId: string | undefined, envelope: Ec2Error['envelope']): Ec2Error | undefined {
  const code = text(error, 'Code');
  if (code === undefined || code === '') return undefined;
  return { kind: 'ec2-error', status, code, message: text(error, 'Message') ?? '', requestId, envelope };
}

function decodeSuccess(status: number, root: string, content: XmlNode, action: string | undefined): Ok | undefined {
  if (status < 200 || status > 299) return undefined;
  if (action === undefined ? !root.endsWith('Response') || root === 'Response' : root !== `${action}Response`) return undefined;
  return { kind: 'ok', status, root, requestId: text(content, 'requestId'), body: content };
}

/**
 * Drops the whitespace between elements of pretty-printed XML (EC2 has no mixed content): text
 * nodes beside elements, and an empty element written across lines (`<groupSet>\n  </groupSet>`).
 */
function withoutIndentation(node: unknown): unknown {
  if (typeof node === 'string') return /^[ \t]*\r?\n\s*$/.test(node) ? '' : node;
  if (Array.isArray(node)) return node.map(withoutIndentation);
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== TEXT) result[key] = withoutIndentation(value);
  }
  return result;
}

/** The child element `name` of an element, if the element is a structure. */
export function field(node: XmlNode | readonly XmlNode[] | undefined, name: string): XmlNode | readonly XmlNode[] | undefined {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
  return (node as { readonly [element: string]: XmlNode | readonly XmlNode[] })[name];
}

/** The text of the child element `name`, if it is a leaf. */
export function text(node: XmlNode | readonly XmlNode[] | undefined, name: string): string | undefined {
  const value = field(node, name);
  return typeof value === 'string' ? value : undefined;
}

/** The `<item>`s of a list element; an empty `<groupSet/>` parses to "" and means []. */
export function items(node: XmlNode | readonly XmlNode[] | undefined, listName: string): readonly XmlNode[] {
  const list = field(node, listName);
  const entries = field(list, 'item');
  return Array.isArray(entries) ? entries : [];
}

function first(node: XmlNode | readonly XmlNode[] | undefined): XmlNode | undefined {
  return Array.isArray(node) ? (node[0] as XmlNode | undefined) : (node as XmlNode | undefined);
}
