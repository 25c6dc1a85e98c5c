/**
 * The differences that broke "same response", read back from a failure's message, and the lines of
 * a laid-out answer they point at.
 *
 * harness/compare.ts describes a difference as a path (element names joined by `/`, list items as
 * `[n]`, or `(root element)`) and the two values (`show()`: a JSON string for text, JSON for a
 * structure, cut at 120 characters, or `(absent)`); specs/expect.ts puts up to three of them in
 * the message as `… not the same response (N difference(s): PATH: FIRST → SECOND; PATH: …)`.
 */

export type ShownValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'absent' }
  /** A structure, or text cut short: matched by its path only. */
  | { readonly kind: 'other'; readonly shown: string };

export interface ShownDifference {
  readonly path: string;
  readonly first: ShownValue;
  readonly second: ShownValue;
}

const INTRO = 'difference(s): ';
const ARROW = ' → ';
const ROOT = '(root element)';

/** The differences a "not the same response" message names; empty for any other message. */
export function parseDifferences(message: string): ShownDifference[] {
  const start = message.indexOf(INTRO);
  if (start < 0 || !message.includes('not the same response')) return [];
  let rest = message.slice(start + INTRO.length);
  const found: ShownDifference[] = [];
  for (;;) {
    const colon = rest.indexOf(': ');
    const path = rest.slice(0, Math.max(0, colon));
    if (colon <= 0 || (!path.startsWith('/') && path !== ROOT)) break;
    const first = takeValue(rest.slice(colon + 2), (tail) => tail.startsWith(ARROW));
    if (first === undefined) break;
    const second = takeValue(first.after.slice(ARROW.length), (tail) => NEXT_DIFFERENCE.test(tail) || tail === ')');
    const shown = second ?? { value: first.after.slice(ARROW.length).replace(/\)$/, ''), after: '' };
    found.push({ path, first: shownValue(first.value, path), second: shownValue(shown.value, path) });
    if (!NEXT_DIFFERENCE.test(shown.after)) break;
    rest = shown.after.slice(2);
  }
  return found;
}

/** How many differences the rule found; the message names only the first three. */
export function differenceCount(message: string): number {
  const count = /not the same response \((\d+) difference\(s\)/.exec(message)?.[1];
  return count === undefined ? 0 : Number(count);
}

const NEXT_DIFFERENCE = /^; (?:\/|\(root element\): )/;

/**
 * One shown value and what follows it. A JSON string ends at its closing quote (it may hold an
 * arrow or a semicolon); anything else (a structure, text cut short) at the first place where
 * `endsHere` holds.
 */
function takeValue(text: string, endsHere: (tail: string) => boolean): { value: string; after: string } | undefined {
  if (text.startsWith('"')) {
    const close = closingQuote(text);
    if (close > 0 && endsHere(text.slice(close + 1))) return { value: text.slice(0, close + 1), after: text.slice(close + 1) };
  }
  for (let i = 0; i <= text.length; i += 1) {
    if (endsHere(text.slice(i))) return { value: text.slice(0, i), after: text.slice(i) };
  }
  return undefined;
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function shownValue(shown: string, path: string): ShownValue {
  if (shown === '(absent)') return { kind: 'absent' };
  // The root element's name is shown bare, not as JSON.
  if (path === ROOT) return { kind: 'text', text: shown };
  if (shown.startsWith('"')) {
    try {
      const text: unknown = JSON.parse(shown);
      if (typeof text === 'string') return { kind: 'text', text };
    } catch {
      // Cut short at 120 characters: no closing quote.
    }
  }
  return { kind: 'other', shown };
}

/** One line of a laid-out answer, and whether a difference points at it. */
export interface AnswerLine {
  readonly text: string;
  readonly marked: boolean;
}

interface Open {
  readonly path: string;
  /** Every line inside is marked (the element as a whole differs). */
  readonly marked: boolean;
  /** Its closing tag is marked (the element as a whole, or the root's name, differs). */
  readonly closeMarked: boolean;
  readonly children: Map<string, number>;
}

/**
 * Marks the lines of an answer laid out by prettyBody (one element per line, `<a>text</a>` on
 * one line) that a difference points at: a leaf whose path matches and whose text is either
 * side's value, or the whole element when the value is a structure or absent on one side.
 * Paths are compared with `[0]` dropped, since a single `<item>` and the first of a list are
 * the same place.
 */
export function markAnswer(pretty: string, differences: readonly ShownDifference[]): AnswerLine[] {
  const lines = pretty.split('\n');
  if (differences.length === 0) return lines.map((text) => ({ text, marked: false }));
  const stack: Open[] = [];
  const rootChildren = new Map<string, number>();
  let rootSeen = false;
  return lines.map((text) => {
    const token = text.trim();
    const parent = stack.at(-1);
    const inMarked = parent?.marked === true;
    if (token.startsWith('<?') || token.startsWith('<!')) return { text, marked: inMarked };
    if (token.startsWith('</')) {
      const closed = stack.pop();
      return { text, marked: closed?.closeMarked === true };
    }
    const element = /^<([^\s/>]+)[^>]*?(\/?)>(?:(.*)<\/\1>)?$/s.exec(token);
    if (element === null) return { text, marked: inMarked }; // text content on a line of its own
    const name = element[1] ?? '';
    const selfClosing = element[2] === '/';
    const value = element[3];
    if (!rootSeen) {
      rootSeen = true;
      const marked = differences.some((d) => d.path === ROOT);
      // A different root is marked by its tags alone: its content may well be the same.
      if (!selfClosing && value === undefined) stack.push({ path: '', marked: false, closeMarked: marked, children: rootChildren });
      return { text, marked };
    }
    const siblings = parent?.children ?? rootChildren;
    const index = siblings.get(name) ?? 0;
    siblings.set(name, index + 1);
    const path = `${parent?.path ?? ''}/${name}[${index}]`;
    const leafText = selfClosing ? '' : value === undefined ? undefined : decodeEntities(value);
    const marked = inMarked || differences.some((d) => pointsAt(d, path, leafText));
    if (!selfClosing && value === undefined) stack.push({ path, marked, closeMarked: marked, children: new Map() });
    return { text, marked };
  });
}

function pointsAt(difference: ShownDifference, path: string, leafText: string | undefined): boolean {
  if (normalise(difference.path) !== normalise(path)) return false;
  const sides = [difference.first, difference.second];
  // A structure, or a value present on one side only: the whole element is the difference.
  if (leafText === undefined || sides.some((side) => side.kind !== 'text')) return true;
  return sides.some((side) => side.kind === 'text' && side.text === leafText);
}

function normalise(path: string): string {
  return path.replace(/\[0\]/g, '');
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Enough of XML's entity decoding to compare a line's text with a parsed value. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole;
    return ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
