// The SecurityGroup shape of DescribeSecurityGroups: no inbound rules, and the one outbound rule
// EC2 gives every new group (all traffic to 0.0.0.0/0).
import type { SecurityGroup } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

export function securityGroupArn(group: SecurityGroup, region: string): string {
  return `arn:aws:ec2:${region}:${group.ownerId}:security-group/${group.id}`;
}

const ALLOW_ALL_OUTBOUND: XmlNode = {
  ipProtocol: '-1',
  groups: xmlList([]),
  ipRanges: xmlList([{ cidrIp: '0.0.0.0/0' }]),
  ipv6Ranges: xmlList([]),
  prefixListIds: xmlList([]),
};

export function securityGroupXml(group: SecurityGroup, region: string): XmlNode {
  return {
    ownerId: group.ownerId,
    groupId: group.id,
    groupName: group.groupName,
    groupDescription: group.description,
    vpcId: group.vpcId,
    ipPermissions: xmlList([]),
    ipPermissionsEgress: xmlList([ALLOW_ALL_OUTBOUND]),
    tagSet: tagSetXml(group.tags),
    securityGroupArn: securityGroupArn(group, region),
  };
}
