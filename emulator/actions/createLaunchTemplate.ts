// CreateLaunchTemplate: a cheap token-taking create (REF-LAUNCH-TEMPLATES). Its answer has no state, so a
// replay returns the original answer, even after the template was deleted (which retires it).
import type { RequestContext } from '../context.ts';
import { Ec2Fault, invalidParameterValue, missingParameter } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { checkTemplateName } from '../launchTemplates.ts';
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

const TAGGABLE_IN_TEMPLATE = ['instance', 'volume', 'network-interface', 'spot-instances-request'];

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
  const template: LaunchTemplate = {
    id: newResourceId('lt'),
    name: input.name,
    createdAt: ctx.now(),
    createdBy: `arn:aws:iam::${ctx.identity.accountId}:root`,
    tags: input.tags,
    data: input.data,
    versionDescription: input.versionDescription,
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
