// CreateLaunchTemplate: a cheap token-taking create (REF-LAUNCH-TEMPLATES). Its answer has no state, so a
// replay returns the original answer, even after the template was deleted (which retires it).
import type { RequestContext } from '../context.ts';
import { Ec2Fault, invalidParameterValue, missingParameter } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { TAGGABLE_IN_TEMPLATE, checkTemplateName } from '../launchTemplates.ts';
import { readStruct, requireString } from '../params.ts';
import type { Params } from '../params.ts';
import { launchTemplateXml } from '../render/launchTemplate.ts';
import type { LaunchTemplate, Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';

interface CreateLaunchTemplateInput {
  name: string;
  data: Params;
  versionDescription: string | undefined;
  tags: Tag[];
}

function validate(ctx: RequestContext): CreateLaunchTemplateInput {
  const name = requireString(ctx.params, 'LaunchTemplateName');
  checkTemplateName(name);
  const data = readStruct(ctx.params, 'LaunchTemplateData');
  if (data.size === 0) throw missingParameter('LaunchTemplateData');
  readTagSpecifications(data, 'TagSpecification', TAGGABLE_IN_TEMPLATE);
  const versionDescription = ctx.params.get('VersionDescription');
  if (versionDescription !== undefined && [...versionDescription].length > 255) {
    throw invalidParameterValue('VersionDescription is limited to 255 characters.');
  }
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['launch-template']).get('launch-template') ?? [];
  return { name, data, versionDescription, tags };
}

function create(ctx: RequestContext, input: CreateLaunchTemplateInput): Committed {
  if (ctx.store.templateByName(input.name) !== undefined) {
    throw new Ec2Fault(
      'InvalidLaunchTemplateName.AlreadyExistsException',
      `Launch template name already in use: ${input.name}.`,
    );
  }
  const id = newResourceId('lt');
  const createdAt = ctx.now();
  const createdBy = `arn:aws:iam::${ctx.identity.accountId}:root`;
  const firstVersion = { templateId: id, number: 1, data: input.data, description: input.versionDescription, createdAt, createdBy };
  const template: LaunchTemplate = {
    id,
    name: input.name,
    createdAt,
    createdBy,
    tags: input.tags,
    versions: new Map([[1, firstVersion]]),
    defaultVersion: 1,
    lastVersionNumber: 1,
  };
  const { store } = ctx;
  store.addTemplate(template);
  const answer = { launchTemplate: launchTemplateXml(template) };
  // Retired once deleted; by id, so a later template reusing the name does not revive it.
  return { render: () => answer, isRetired: () => store.templateById(template.id) === undefined };
}

export const createLaunchTemplate: IdempotentAction<CreateLaunchTemplateInput> = {
  name: 'CreateLaunchTemplate',
  tokenLimit: 128,
  validate,
  create,
};
