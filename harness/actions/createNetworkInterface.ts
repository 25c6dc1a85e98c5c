import { simpleAction } from './simpleAction.ts';

/** A network interface without a public address is free. */
export const createNetworkInterface = simpleAction({
  name: 'CreateNetworkInterface',
  tokenInAnswer: true,
  resourceType: 'network-interface',
  needs: ['subnet'],
  options: [{ name: 'Description', values: ['ec2-idem interface', 'ec2-idem interface 2'], optional: true }],
  placed: (place) => ({ SubnetId: place.fixtures.subnetId ?? '' }),
  element: 'networkInterface',
  idName: 'networkInterfaceId',
  stateName: 'status',
  describe: { action: 'DescribeNetworkInterfaces', list: 'networkInterfaceSet' },
  remove: (id) => ({ action: 'DeleteNetworkInterface', params: { NetworkInterfaceId: id } }),
  notFoundCodes: ['InvalidNetworkInterfaceID.NotFound'],
});
