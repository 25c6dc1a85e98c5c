// DeleteManagedPrefixList: answers the list in state `delete-in-progress`; it is gone at once after.
import { deleteHandler } from '../deletion.ts';
import { prefixListXml } from '../render/prefixList.ts';
import { PREFIX_LISTS } from '../resourceKinds.ts';

export const deleteManagedPrefixList = deleteHandler({
  kind: PREFIX_LISTS,
  idParam: 'PrefixListId',
  answer: (_ctx, list) => ({ prefixList: prefixListXml(list, 'delete-in-progress') }),
});
