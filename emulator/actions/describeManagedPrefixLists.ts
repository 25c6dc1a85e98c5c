// DescribeManagedPrefixLists: the account's own prefix lists (the emulator keeps no AWS-managed
// ones), by `PrefixListId.N` and filters, paginated (1–100).
import { describeHandler } from '../describe.ts';
import { prefixListStateAt } from '../prefixListState.ts';
import { prefixListXml } from '../render/prefixList.ts';
import { PREFIX_LISTS } from '../resourceKinds.ts';
import type { ManagedPrefixList } from '../resources.ts';

export const describeManagedPrefixLists = describeHandler<ManagedPrefixList>({
  kind: PREFIX_LISTS,
  idParam: 'PrefixListId',
  listElement: 'prefixListSet',
  pageSize: [1, 100],
  fields: () => ({
    'prefix-list-id': (list) => list.id,
    'prefix-list-name': (list) => list.name,
    'owner-id': (list) => list.ownerId,
  }),
  render: (ctx, list) => prefixListXml(list, prefixListStateAt(ctx, list)),
});
