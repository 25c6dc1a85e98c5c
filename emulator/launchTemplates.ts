// Launch template names, ids and lookups shared by the launch-template actions.
import type { RequestContext } from './context.ts';
import { Ec2Fault, missingParameter } from './errors.ts';
import { isListedAt } from './eventualConsistency.ts';
import type { Params } from './params.ts';
import type { LaunchTemplate } from './store.ts';

const TEMPLATE_NAME = /^[a-zA-Z0-9().\-/_]{3,128}$/;
const TEMPLATE_ID = /^lt-[0-9a-f]{8,17}$/;

/** Resource types a `LaunchTemplateData.TagSpecification` may name: what an instance launch tags. */
export const TAGGABLE_IN_TEMPLATE = ['instance', 'volume', 'network-interface', 'spot-instances-request'];

export function isTemplateId(id: string): boolean {
  return TEMPLATE_ID.test(id);
}

export function checkTemplateId(id: string): void {
  if (!isTemplateId(id)) throw new Ec2Fault('InvalidLaunchTemplateId.Malformed', `The specified ID for the launch template (${id}) is not valid.`);
}

export function checkTemplateName(name: string): void {
  if (!TEMPLATE_NAME.test(name)) {
    throw new Ec2Fault(
      'InvalidLaunchTemplateName.MalformedException',
      'A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.',
    );
  }
}

export function notFoundById(id: string): Ec2Fault {
  return new Ec2Fault('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
}

export function notFoundByName(): Ec2Fault {
  return new Ec2Fault(
    'InvalidLaunchTemplateName.NotFoundException',
    'At least one of the launch templates specified in the request does not exist.',
  );
}

/** Whether describe and delete calls can see `template` yet (eventual consistency). */
export function isTemplateListed(ctx: RequestContext, template: LaunchTemplate): boolean {
  return isListedAt(template.createdAt, ctx.now(), ctx.runtime.options.lifecycle);
}

// A template too new to be listed answers exactly like one that does not exist.
export function templateById(ctx: RequestContext, id: string): LaunchTemplate {
  checkTemplateId(id);
  const template = ctx.store.templateById(id);
  if (template === undefined || !isTemplateListed(ctx, template)) throw notFoundById(id);
  return template;
}

export function templateByName(ctx: RequestContext, name: string): LaunchTemplate {
  const template = ctx.store.templateByName(name);
  if (template === undefined || !isTemplateListed(ctx, template)) throw notFoundByName();
  return template;
}

/** A template named by id or by name, as the version actions take it. */
export type TemplateRef = { id: string } | { name: string };

/** Exactly one of `LaunchTemplateId` and `LaunchTemplateName`, well formed. */
export function readTemplateRef(params: Params): TemplateRef {
  const id = params.get('LaunchTemplateId');
  const name = params.get('LaunchTemplateName');
  if (!id && !name) throw missingParameter('LaunchTemplateId or LaunchTemplateName');
  if (id && name) throw new Ec2Fault('InvalidParameterCombination', 'Specify either LaunchTemplateId or LaunchTemplateName, not both.');
  if (id) {
    checkTemplateId(id);
    return { id };
  }
  checkTemplateName(name!);
  return { name: name! };
}

/** The visible template `ref` names, or the NotFound of its id or name. */
export function templateByRef(ctx: RequestContext, ref: TemplateRef): LaunchTemplate {
  return 'id' in ref ? templateById(ctx, ref.id) : templateByName(ctx, ref.name);
}
