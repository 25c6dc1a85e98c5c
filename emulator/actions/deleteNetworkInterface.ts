// DeleteNetworkInterface: the emulator attaches no interfaces, so any visible one can go.
import { deleteHandler } from '../deletion.ts';
import { NETWORK_INTERFACES } from '../resourceKinds.ts';

export const deleteNetworkInterface = deleteHandler({ kind: NETWORK_INTERFACES, idParam: 'NetworkInterfaceId' });
