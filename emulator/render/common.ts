// XML shapes shared by several answers.
import type { InstanceState } from '../lifecycle.ts';
import type { Tag } from '../store.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';

/** EC2 timestamps carry whole seconds: `2026-11-28T08:49:06.000Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** The few timestamps EC2 gives to the millisecond (volumes' createTime, VPC endpoints' creationTimestamp). */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

export function stateXml(state: InstanceState): XmlNode {
  return { code: state.code, name: state.name };
}

/** `<tagSet>` when there are tags; EC2 leaves the element out otherwise. */
export function tagSetXml(tags: readonly Tag[]): XmlNode | undefined {
  return tags.length === 0 ? undefined : xmlList(tags.map((tag) => ({ key: tag.key, value: tag.value })));
}
