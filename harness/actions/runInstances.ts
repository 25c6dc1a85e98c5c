import { applyRunInstancesChange, runInstancesChange } from '../../generators/paramChange.ts';
import { runInstancesParams, type RunInstancesParams } from '../../generators/runInstancesParams.ts';
import { field, items, text } from '../decode.ts';
import type { Call } from '../encode.ts';
import type { XmlNode } from '../outcome.ts';
import { suiteTags, type ActionAdapter, type CaseContext, type DeleteCall, type ObservedResource } from './action.ts';
import { describeCall, nextTokenOf } from './describeCall.ts';
import { tagsOf } from './tagsOf.ts';

const TERMINATE_BATCH = 50;
// Every state but shutting-down and terminated (isGone), as DescribeInstances' instance-state-name filter names them:
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html
const ALIVE = { Name: 'instance-state-name', Value: ['pending', 'running', 'stopping', 'stopped'] };

function instanceOf(item: XmlNode, ownerId: string | undefined): ObservedResource {
  return {
    id: text(item, 'instanceId') ?? '',
    clientToken: text(item, 'clientToken'),
    state: text(field(item, 'instanceState'), 'name'),
    ownerId,
    tags: tagsOf(item),
  };
}

export const runInstances: ActionAdapter<RunInstancesParams> = {
  name: 'RunInstances',
  tokenLimit: 64,
  echoesToken: true,
  deleteAction: 'TerminateInstances',
  notFoundCodes: ['InvalidInstanceID.NotFound'],
  params: (constraints) => runInstancesParams(constraints),
  change: (constraints) => runInstancesChange(constraints),
  applyChange: applyRunInstancesChange,
  localize: (params, place) => ({ ...params, ImageId: place.region.imageId }),
  toCall(params: RunInstancesParams, token: string | undefined, context: CaseContext, options = {}): Call {
    const { Tags, ...rest } = params;
    return {
      action: 'RunInstances',
      params: {
        ...rest,
        TagSpecification: [{ ResourceType: 'instance', Tag: [...Tags, ...suiteTags(context)] }],
        ClientToken: token,
        DryRun: options.dryRun ? true : undefined,
      },
    };
  },
  resourcesPerCreate: (params) => params.MaxCount,
  created: (answer) => items(answer.body, 'instancesSet').map((item) => instanceOf(item, text(answer.body, 'ownerId'))).filter((r) => r.id !== ''),
  findByTag: (key, value, nextToken, options) =>
    describeCall('DescribeInstances', [{ Name: `tag:${key}`, Value: [value] }, ...(options?.aliveOnly ? [ALIVE] : [])], nextToken),
  findByToken: (token, nextToken) => describeCall('DescribeInstances', [{ Name: 'client-token', Value: [token] }], nextToken),
  observed(answer) {
    const resources = items(answer.body, 'reservationSet').flatMap((reservation) =>
      items(reservation, 'instancesSet').map((item) => instanceOf(item, text(reservation, 'ownerId'))),
    );
    return { resources: resources.filter((r) => r.id !== ''), nextToken: nextTokenOf(answer) };
  },
  deleteCalls(ids) {
    const calls: DeleteCall[] = [];
    for (let i = 0; i < ids.length; i += TERMINATE_BATCH) {
      const batch = ids.slice(i, i + TERMINATE_BATCH);
      calls.push({ call: { action: 'TerminateInstances', params: { InstanceId: batch } }, ids: batch });
    }
    return calls;
  },
  isGone: (resource) => resource.state === 'terminated' || resource.state === 'shutting-down',
};
