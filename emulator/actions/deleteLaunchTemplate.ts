// DeleteLaunchTemplate: by id or by name; answers the deleted template.
import type { ActionHandler } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault, missingParameter } from '../errors.ts';
import { templateById, templateByName } from '../launchTemplates.ts';
import { launchTemplateXml } from '../render/launchTemplate.ts';

export const deleteLaunchTemplate: ActionHandler = (ctx) => {
  const id = ctx.params.get('LaunchTemplateId');
  const name = ctx.params.get('LaunchTemplateName');
  if (!id && !name) throw missingParameter('LaunchTemplateId or LaunchTemplateName');
  if (id && name) {
    throw new Ec2Fault('InvalidParameterCombination', 'Specify either LaunchTemplateId or LaunchTemplateName, not both.');
  }
  const template = id ? templateById(ctx, id) : templateByName(ctx, name!);
  stopIfDryRun(ctx);
  ctx.store.deleteTemplate(template);
  return { launchTemplate: launchTemplateXml(template) };
};
