import { items, text } from '../decode.ts';
import type { XmlNode } from '../outcome.ts';

/** A resource's `<tagSet>` as a plain map. */
export function tagsOf(node: XmlNode): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const item of items(node, 'tagSet')) {
    const key = text(item, 'key');
    if (key !== undefined) tags[key] = text(item, 'value') ?? '';
  }
  return tags;
}
