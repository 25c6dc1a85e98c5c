import { visible } from './visible.ts';

/**
 * Safe pieces of Markdown for text that came from an endpoint or a generator. Messages and inputs
 * can hold `|`, backticks, `<tag>` or `*`; written raw they would break a table, end a code block
 * early or be taken for HTML by GitHub's renderer.
 */

/** Inline text (a paragraph or a table cell): one line, Markdown and HTML punctuation escaped. */
export function mdText(text: string): string {
  return visible(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]|~#]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** An inline code span whose delimiter is longer than any backtick run inside (CommonMark §6.1). */
export function codeSpan(text: string): string {
  const line = visible(text).replace(/\s*\n\s*/g, ' ');
  const ticks = '`'.repeat(longestBacktickRun(line) + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${line}${pad}${ticks}`;
}

/** A fenced code block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function codeBlock(text: string, info = 'text'): string {
  const body = visible(text);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
