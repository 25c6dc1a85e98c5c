// DeleteEgressOnlyInternetGateway: answers `<returnCode>true</returnCode>` (not `<return>`).
import { deleteHandler } from '../deletion.ts';
import { EGRESS_ONLY_INTERNET_GATEWAYS } from '../resourceKinds.ts';

export const deleteEgressOnlyInternetGateway = deleteHandler({
  kind: EGRESS_ONLY_INTERNET_GATEWAYS,
  idParam: 'EgressOnlyInternetGatewayId',
  answer: () => ({ returnCode: true }),
});
