// RunInstances parameters, validated before anything is looked up or created (a request that
// fails here binds no token). Unknown parameters are accepted; they still count in the fingerprint.
import { Ec2Fault, invalidParameterValue } from '../errors.ts';
import { readBoolean, readInteger, readList, requireString } from '../params.ts';
import type { Params } from '../params.ts';
import { zonesOf } from '../regions.ts';
import type { Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';

export interface RunInstancesInput {
  imageId: string;
  count: number;
  instanceType: string;
  keyName: string | undefined;
  securityGroupIds: string[];
  subnetId: string | undefined;
  zone: string | undefined;
  instanceTags: Tag[];
  disableApiTermination: boolean;
  ebsOptimized: boolean;
  monitoring: boolean;
}

/** Most instances one emulated request launches (real EC2 limits by account quota instead). */
export const MAX_INSTANCES_PER_REQUEST = 50;
const MAX_USER_DATA_BYTES = 16 * 1024;
const IMAGE_ID = /^ami-[0-9a-f]{8,17}$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const TAGGABLE_AT_LAUNCH = ['instance', 'volume', 'network-interface', 'spot-instances-request', 'elastic-gpu'];
const SHUTDOWN_BEHAVIOURS = ['stop', 'terminate'];

function readImageId(params: Params): string {
  const imageId = requireString(params, 'ImageId');
  if (!IMAGE_ID.test(imageId)) throw new Ec2Fault('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
  return imageId;
}

/** MaxCount instances are launched; MinCount only has to be possible. */
function readCount(params: Params): number {
  requireString(params, 'MinCount');
  requireString(params, 'MaxCount');
  const min = readInteger(params, 'MinCount', 1, 2 ** 31 - 1)!;
  const max = readInteger(params, 'MaxCount', 1, 2 ** 31 - 1)!;
  if (min > max) throw invalidParameterValue(`MinCount (${min}) must not be greater than MaxCount (${max}).`);
  if (max > MAX_INSTANCES_PER_REQUEST) {
    throw invalidParameterValue(`MaxCount (${max}) exceeds the limit of ${MAX_INSTANCES_PER_REQUEST} instances per request.`);
  }
  return max;
}

function readInstanceType(params: Params): string {
  const instanceType = params.get('InstanceType') ?? 'm1.small';
  if (!INSTANCE_TYPE.test(instanceType)) throw invalidParameterValue(`The instance type '${instanceType}' is not valid.`);
  return instanceType;
}

function checkUserData(params: Params): void {
  const userData = params.get('UserData');
  if (userData === undefined) return;
  if (!BASE64.test(userData)) throw invalidParameterValue('Invalid BASE64 encoding of user data.');
  if (Buffer.from(userData, 'base64').length > MAX_USER_DATA_BYTES) {
    throw invalidParameterValue(`User data is limited to ${MAX_USER_DATA_BYTES} bytes.`);
  }
}

function readSecurityGroupIds(params: Params): string[] {
  const ids = readList(params, 'SecurityGroupId');
  const malformed = ids.find((id) => !SECURITY_GROUP_ID.test(id));
  if (malformed !== undefined) throw new Ec2Fault('InvalidGroupId.Malformed', `Invalid id: "${malformed}" (expecting "sg-...")`);
  return ids;
}

function readZone(params: Params, region: string): string | undefined {
  const zone = params.get('Placement.AvailabilityZone');
  if (zone === undefined) return undefined;
  if (!zonesOf(region).includes(zone)) {
    throw invalidParameterValue(`Invalid availability zone: [${zone}]; ${region} has ${zonesOf(region).join(', ')}.`);
  }
  return zone;
}

function readShutdownBehaviour(params: Params): void {
  const behaviour = params.get('InstanceInitiatedShutdownBehavior');
  if (behaviour !== undefined && !SHUTDOWN_BEHAVIOURS.includes(behaviour)) {
    throw invalidParameterValue(`Value (${behaviour}) for parameter InstanceInitiatedShutdownBehavior is invalid. Expected: stop or terminate.`);
  }
}

export function readRunInstancesInput(params: Params, region: string): RunInstancesInput {
  const imageId = readImageId(params);
  const count = readCount(params);
  checkUserData(params);
  readShutdownBehaviour(params);
  const subnetId = params.get('SubnetId');
  if (subnetId === '') throw invalidParameterValue('SubnetId must not be empty.');
  return {
    imageId,
    count,
    instanceType: readInstanceType(params),
    keyName: params.get('KeyName'),
    securityGroupIds: readSecurityGroupIds(params),
    subnetId,
    zone: readZone(params, region),
    instanceTags: readTagSpecifications(params, 'TagSpecification', TAGGABLE_AT_LAUNCH).get('instance') ?? [],
    disableApiTermination: readBoolean(params, 'DisableApiTermination') ?? false,
    ebsOptimized: readBoolean(params, 'EbsOptimized') ?? false,
    monitoring: readBoolean(params, 'Monitoring.Enabled') ?? false,
  };
}
