// The NetworkAcl shape of Create/DescribeNetworkAcls. A VPC's default ACL allows all traffic (rule
// 100) before the final deny-all rule 32767; a created ACL has the deny-all rules only.
import type { NetworkAcl } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

function entry(ruleNumber: number, ruleAction: 'allow' | 'deny', egress: boolean): XmlNode {
  return { ruleNumber, protocol: '-1', ruleAction, egress, cidrBlock: '0.0.0.0/0' };
}

export function networkAclEntries(acl: NetworkAcl): XmlNode[] {
  const allow = acl.isDefault ? [entry(100, 'allow', true), entry(100, 'allow', false)] : [];
  return [...allow, entry(32767, 'deny', true), entry(32767, 'deny', false)];
}

export function networkAclXml(acl: NetworkAcl): XmlNode {
  return {
    networkAclId: acl.id,
    vpcId: acl.vpcId,
    default: acl.isDefault,
    entrySet: xmlList(networkAclEntries(acl)),
    associationSet: xmlList([]),
    tagSet: tagSetXml(acl.tags),
    ownerId: acl.ownerId,
  };
}
