/**
 * Characters a reader cannot see, or a format cannot carry: C0 controls other than newline and
 * tab, DEL, U+FFFE/U+FFFF, and lone surrogates. Fuzzed tokens and broken endpoints produce them.
 * XML 1.0 forbids most of them even as entities, and in a terminal or a Markdown page they are
 * invisible or, worse, obeyed.
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Shows each hidden character as a `\uXXXX` escape (CRLF becomes LF first). Idempotent. */
export function visible(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
