// DeleteNetworkInterface: the emulator attaches no interfaces, so any visible one can go, except the
// one a NAT gateway created for itself: that is in use until the gateway is deleted.
import { deleteHandler } from '../deletion.ts';
import { Ec2Fault } from '../errors.ts';
import { NETWORK_INTERFACES } from '../resourceKinds.ts';

export const deleteNetworkInterface = deleteHandler({
  kind: NETWORK_INTERFACES,
  idParam: 'NetworkInterfaceId',
  check: (_ctx, eni) => {
    if (eni.managedBy !== undefined) throw new Ec2Fault('InvalidNetworkInterface.InUse', `The network interface '${eni.id}' is in use by ${eni.managedBy}.`);
  },
});
