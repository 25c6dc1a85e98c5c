import { simpleAction } from './simpleAction.ts';

/** Customer-managed prefix lists are free; their token may be up to 255 characters (the API reference). */
export const createManagedPrefixList = simpleAction({
  name: 'CreateManagedPrefixList',
  tokenLimit: 255,
  tokenInAnswer: false,
  resourceType: 'prefix-list',
  needs: [],
  options: [
    { name: 'PrefixListName', values: ['ec2-idem-a', 'ec2-idem-b', 'ec2-idem-c'] },
    { name: 'MaxEntries', values: ['2', '3', '5'] },
  ],
  placed: () => ({ AddressFamily: 'IPv4' }),
  element: 'prefixList',
  idName: 'prefixListId',
  describe: { action: 'DescribeManagedPrefixLists', list: 'prefixListSet' },
  remove: (id) => ({ action: 'DeleteManagedPrefixList', params: { PrefixListId: id } }),
  notFoundCodes: ['InvalidPrefixListID.NotFound'],
  goneStates: ['delete-in-progress', 'delete-complete'],
});
