// Launch template names, ids and lookups shared by the launch-template actions.
import type { RequestContext } from './context.ts';
import { Ec2Fault } from './errors.ts';
import { isListedAt } from './eventualConsistency.ts';
import type { LaunchTemplate } from './store.ts';

const TEMPLATE_NAME = /^[a-zA-Z0-9().\-/_]{3,128}$/;
const TEMPLATE_ID = /^lt-[0-9a-f]{8,17}$/;

export function checkTemplateName(name: string): void {
  if (!TEMPLATE_NAME.test(name)) {
    throw new Ec2Fault(
      'InvalidLaunchTemplateName.MalformedException',
      'A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.',
    );
  }
}

function notFoundById(id: string): Ec2Fault {
  return new Ec2Fault('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
}

function notFoundByName(): Ec2Fault {
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
  if (!TEMPLATE_ID.test(id)) throw new Ec2Fault('InvalidLaunchTemplateId.Malformed', `The specified ID for the launch template (${id}) is not valid.`);
  const template = ctx.store.templateById(id);
  if (template === undefined || !isTemplateListed(ctx, template)) throw notFoundById(id);
  return template;
}

export function templateByName(ctx: RequestContext, name: string): LaunchTemplate {
  const template = ctx.store.templateByName(name);
  if (template === undefined || !isTemplateListed(ctx, template)) throw notFoundByName();
  return template;
}
