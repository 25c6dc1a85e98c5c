// DeleteVpcEndpoints: deletes every named endpoint the caller can see and answers 200 with an
// `unsuccessful` item (InvalidVpcEndpoint.NotFound) for each id it cannot.
import type { ActionHandler } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { missingParameter } from '../errors.ts';
import { visible } from '../lookup.ts';
import { readList } from '../params.ts';
import { VPC_ENDPOINTS } from '../resourceKinds.ts';
import { xmlList } from '../xml.ts';

export const deleteVpcEndpoints: ActionHandler = (ctx) => {
  const ids = [...new Set(readList(ctx.params, 'VpcEndpointId'))];
  if (ids.length === 0) throw missingParameter('VpcEndpointId');
  stopIfDryRun(ctx);
  const unsuccessful = ids.flatMap((id) => {
    if (visible(ctx, VPC_ENDPOINTS, id) === undefined) {
      return [{ error: { code: 'InvalidVpcEndpoint.NotFound', message: `The Vpc Endpoint Id '${id}' does not exist` }, resourceId: id }];
    }
    ctx.store.vpcEndpoints.delete(id);
    return [];
  });
  return { unsuccessful: xmlList(unsuccessful) };
};
