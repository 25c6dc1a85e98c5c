// `LaunchTemplateData.*` request parameters rendered as the ResponseLaunchTemplateData shape. The
// Query names map onto the response's element names by rule: a scalar `ImageId` is `<imageId>`, a
// structure `Monitoring.Enabled` is `<monitoring><enabled>`, and a list `SecurityGroupId.N` is
// `<securityGroupIdSet><item>` (a few lists have their own names). Values stay as sent.
import type { Params } from '../params.ts';
import type { XmlNode } from '../xml.ts';

const LIST_ELEMENTS: Readonly<Record<string, string>> = {
  LicenseSpecification: 'licenseSet',
};

const INDEX = /^[1-9]\d*$/;

function elementName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function listElement(name: string): string {
  return LIST_ELEMENTS[name] ?? `${elementName(name)}Set`;
}

interface Group {
  /** The value of the name itself, for scalars and list items that are plain values. */
  value?: string;
  /** Sub-parameters below the name, relative to it. */
  children: Array<[string, string]>;
}

function grouped(entries: Iterable<[string, string]>): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const [name, value] of entries) {
    const dot = name.indexOf('.');
    const head = dot === -1 ? name : name.slice(0, dot);
    const group = groups.get(head) ?? { children: [] };
    if (dot === -1) group.value = value;
    else group.children.push([name.slice(dot + 1), value]);
    groups.set(head, group);
  }
  return groups;
}

function structure(entries: Iterable<[string, string]>): XmlNode {
  const node: XmlNode = {};
  for (const [name, group] of grouped(entries)) {
    const indexed = group.children.length > 0 && group.children.every(([child]) => INDEX.test(child.split('.')[0]!));
    if (indexed) node[listElement(name)] = list(group.children);
    else if (group.children.length > 0) node[elementName(name)] = structure(group.children);
    else node[elementName(name)] = group.value;
  }
  return node;
}

function list(entries: Array<[string, string]>): XmlNode {
  const items = [...grouped(entries)].sort(([a], [b]) => Number(a) - Number(b));
  if (items.every(([, item]) => item.children.length === 0)) return { item: items.map(([, item]) => item.value ?? '') };
  return { item: items.map(([, item]) => structure(item.children)) };
}

export function launchTemplateDataXml(data: Params): XmlNode {
  return structure(data);
}
