// What a CreateVpcEndpoint request asks for. The emulator makes gateway endpoints only, for the two
// services AWS offers them for (S3 and DynamoDB of the caller's region), through the route tables
// named; the policy, when given, must be JSON.
import { Ec2Fault, invalidParameterValue } from './errors.ts';
import { readList, requireString } from './params.ts';
import type { Params } from './params.ts';

export interface VpcEndpointSpec {
  vpcId: string;
  serviceName: string;
  routeTableIds: string[];
  policyDocument: string;
}

const TYPES = ['Interface', 'Gateway', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork'];
const GATEWAY_SERVICES = ['s3', 'dynamodb'];
const FULL_ACCESS = JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });

function readPolicy(params: Params): string {
  const policy = params.get('PolicyDocument');
  if (policy === undefined) return FULL_ACCESS;
  try {
    JSON.parse(policy);
  } catch {
    throw new Ec2Fault('InvalidPolicyDocument', 'The policy document is not valid JSON.');
  }
  return policy;
}

export function readVpcEndpointSpec(params: Params, region: string): VpcEndpointSpec {
  const type = params.get('VpcEndpointType') ?? 'Gateway';
  if (!TYPES.includes(type)) throw invalidParameterValue(`Value (${type}) for parameter VpcEndpointType is invalid. Expected one of ${TYPES.join(', ')}.`);
  if (type !== 'Gateway') throw invalidParameterValue(`This emulator creates Gateway endpoints only, not ${type} endpoints.`);
  const vpcId = requireString(params, 'VpcId');
  const serviceName = requireString(params, 'ServiceName');
  if (!GATEWAY_SERVICES.some((service) => serviceName === `com.amazonaws.${region}.${service}`)) {
    throw new Ec2Fault('InvalidServiceName', `The Vpc Endpoint Service '${serviceName}' does not exist`);
  }
  const routeTableIds = [...new Set(readList(params, 'RouteTableId'))];
  return { vpcId, serviceName, routeTableIds, policyDocument: readPolicy(params) };
}
