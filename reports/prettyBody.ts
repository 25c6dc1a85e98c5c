/**
 * Lays out a response body for people: XML one element per line, JSON indented, anything else
 * as it came. It only adds whitespace between tokens, never rewrites them, so what a reader sees
 * is what the endpoint sent (a real XML parser would normalise entities and drop the prolog).
 */
export function prettyBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.startsWith('<') && trimmed.includes('>')) return prettyXml(trimmed);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return prettyJson(trimmed) ?? body;
  return body;
}

const INDENT = '  ';

function prettyXml(xml: string): string {
  const tokens = xml.split(/(<[^>]*>)/).map((t) => t.trim()).filter((t) => t !== '');
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const text = tokens[i + 1];
    const close = tokens[i + 2];
    if (isOpening(token) && text !== undefined && !text.startsWith('<') && close !== undefined && isClosing(close)) {
      // <name>value</name> stays on one line: that is how people read EC2 responses.
      lines.push(INDENT.repeat(depth) + token + text + close);
      i += 2;
    } else if (isClosing(token)) {
      depth = Math.max(0, depth - 1);
      lines.push(INDENT.repeat(depth) + token);
    } else {
      lines.push(INDENT.repeat(depth) + token);
      if (isOpening(token)) depth++;
    }
  }
  return lines.join('\n');
}

function isOpening(token: string): boolean {
  return /^<[^/?!]/.test(token) && token.endsWith('>') && !token.endsWith('/>');
}

function isClosing(token: string): boolean {
  return token.startsWith('</');
}

function prettyJson(json: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return undefined;
  }
}
