// Security group names: the rules EC2 applies when one is created, and the name lookup that, like
// EC2's GroupName parameters, only searches the default VPC.
import type { RequestContext } from './context.ts';
import { Ec2Fault, invalidParameterValue } from './errors.ts';
import { isListed } from './lookup.ts';
import type { SecurityGroup } from './resources.ts';

const MAX_LENGTH = 255;

/** Refuses a name or description EC2 would refuse. */
export function checkGroupText(field: 'GroupName' | 'GroupDescription', value: string): void {
  if ([...value].length > MAX_LENGTH) throw invalidParameterValue(`Value for parameter ${field} is longer than ${MAX_LENGTH} characters.`);
  if (field === 'GroupName' && value.startsWith('sg-')) throw invalidParameterValue("Group names may not be in the format sg-*.");
  if (field === 'GroupName' && value === 'default') throw new Ec2Fault('InvalidGroup.Reserved', "The security group 'default' is reserved");
}

/** The visible group of that name in the default VPC, or InvalidGroup.NotFound. */
export function groupInDefaultVpc(ctx: RequestContext, name: string): SecurityGroup {
  const { store } = ctx;
  for (const group of store.securityGroups.values()) {
    if (group.vpcId === store.defaultVpcId && group.groupName === name && isListed(ctx, group)) return group;
  }
  throw new Ec2Fault('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${store.defaultVpcId}'`);
}
