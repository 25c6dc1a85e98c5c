// The ManagedPrefixList shape of Create/Describe/DeleteManagedPrefixList; the state is passed in.
import type { ManagedPrefixList } from '../resources.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

export function prefixListXml(list: ManagedPrefixList, state: string): XmlNode {
  return {
    prefixListId: list.id,
    addressFamily: list.addressFamily,
    state,
    prefixListArn: list.arn,
    prefixListName: list.name,
    maxEntries: list.maxEntries,
    version: 1,
    tagSet: tagSetXml(list.tags),
    ownerId: list.ownerId,
  };
}
