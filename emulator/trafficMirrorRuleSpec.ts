// What a CreateTrafficMirrorFilterRule request asks for: a direction, a rule number of 1–32766, an
// action, source and destination CIDR blocks, and optionally a protocol number and, for TCP or UDP,
// port ranges.
import { Ec2Fault, invalidParameterValue } from './errors.ts';
import { isIpv6Cidr, parseIpv4Cidr } from './cidr.ts';
import { readInteger, requireString } from './params.ts';
import type { Params } from './params.ts';
import type { PortRange } from './resources.ts';

export interface TrafficMirrorRuleSpec {
  filterId: string;
  trafficDirection: string;
  ruleNumber: number;
  ruleAction: string;
  protocol: number | undefined;
  destinationCidrBlock: string;
  sourceCidrBlock: string;
  destinationPortRange: PortRange | undefined;
  sourcePortRange: PortRange | undefined;
  description: string | undefined;
}

const DIRECTIONS = ['ingress', 'egress'];
const ACTIONS = ['accept', 'reject'];
const PORTED_PROTOCOLS = [6, 17];

function oneOf(params: Params, name: string, allowed: readonly string[]): string {
  const value = requireString(params, name);
  if (!allowed.includes(value)) throw invalidParameterValue(`Value (${value}) for parameter ${name} is invalid. Expected: ${allowed.join(' or ')}.`);
  return value;
}

function cidr(params: Params, name: string): string {
  const value = requireString(params, name);
  if (parseIpv4Cidr(value, false) === undefined && !isIpv6Cidr(value)) throw invalidParameterValue(`Value (${value}) for parameter ${name} is invalid. This is not a valid CIDR block.`);
  return value;
}

function portRange(params: Params, name: string): PortRange | undefined {
  const fromPort = readInteger(params, `${name}.FromPort`, 0, 65535);
  const toPort = readInteger(params, `${name}.ToPort`, 0, 65535);
  if (fromPort === undefined && toPort === undefined) return undefined;
  const range = { fromPort: fromPort ?? 0, toPort: toPort ?? 65535 };
  if (range.fromPort > range.toPort) throw invalidParameterValue(`${name}.FromPort must not be greater than ${name}.ToPort.`);
  return range;
}

export function readTrafficMirrorRuleSpec(params: Params): TrafficMirrorRuleSpec {
  const filterId = requireString(params, 'TrafficMirrorFilterId');
  const trafficDirection = oneOf(params, 'TrafficDirection', DIRECTIONS);
  requireString(params, 'RuleNumber');
  const ruleNumber = readInteger(params, 'RuleNumber', 1, 32766)!;
  const ruleAction = oneOf(params, 'RuleAction', ACTIONS);
  const destinationCidrBlock = cidr(params, 'DestinationCidrBlock');
  const sourceCidrBlock = cidr(params, 'SourceCidrBlock');
  const protocol = readInteger(params, 'Protocol', 0, 255);
  const destinationPortRange = portRange(params, 'DestinationPortRange');
  const sourcePortRange = portRange(params, 'SourcePortRange');
  if ((destinationPortRange || sourcePortRange) && !PORTED_PROTOCOLS.includes(protocol ?? -1)) {
    throw new Ec2Fault('InvalidParameterCombination', 'Port ranges can only be given for TCP (6) or UDP (17).');
  }
  const description = params.get('Description');
  if (description !== undefined && [...description].length > 255) throw invalidParameterValue('Description is limited to 255 characters.');
  return { filterId, trafficDirection, ruleNumber, ruleAction, protocol, destinationCidrBlock, sourceCidrBlock, destinationPortRange, sourcePortRange, description };
}
