import { simpleAction } from './simpleAction.ts';

/** Network ACLs are free; only the VPC and the tags choose one. */
export const createNetworkAcl = simpleAction({
  name: 'CreateNetworkAcl',
  tokenInAnswer: true,
  resourceType: 'network-acl',
  needs: ['vpc'],
  options: [],
  placed: (place) => ({ VpcId: place.fixtures.vpcId ?? '' }),
  element: 'networkAcl',
  idName: 'networkAclId',
  describe: { action: 'DescribeNetworkAcls', list: 'networkAclSet' },
  remove: (id) => ({ action: 'DeleteNetworkAcl', params: { NetworkAclId: id } }),
  notFoundCodes: ['InvalidNetworkAclID.NotFound'],
});
