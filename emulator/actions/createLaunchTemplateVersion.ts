// CreateLaunchTemplateVersion: a new numbered version of an existing template, optionally starting
// from a source version's data. Token-taking with a 128-character limit (REF-TOKEN-FORM). The
// template is looked up only when creating, so a replay answers even after it was deleted.
import type { RequestContext } from '../context.ts';
import { invalidParameterValue, missingParameter } from '../errors.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { checkVersionSpecifier, resolveVersion, versionNotFound } from '../launchTemplateVersions.ts';
import { TAGGABLE_IN_TEMPLATE, readTemplateRef, templateByRef } from '../launchTemplates.ts';
import type { TemplateRef } from '../launchTemplates.ts';
import { readStruct } from '../params.ts';
import type { Params } from '../params.ts';
import { launchTemplateVersionXml } from '../render/launchTemplateVersion.ts';
import type { LaunchTemplate, LaunchTemplateVersion } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';

interface CreateVersionInput {
  template: TemplateRef;
  sourceVersion: string | undefined;
  data: Params;
  description: string | undefined;
}

function validate(ctx: RequestContext): CreateVersionInput {
  const template = readTemplateRef(ctx.params);
  const sourceVersion = ctx.params.get('SourceVersion');
  if (sourceVersion !== undefined) checkVersionSpecifier('SourceVersion', sourceVersion);
  const data = readStruct(ctx.params, 'LaunchTemplateData');
  if (data.size === 0 && sourceVersion === undefined) throw missingParameter('LaunchTemplateData');
  readTagSpecifications(data, 'TagSpecification', TAGGABLE_IN_TEMPLATE);
  const description = ctx.params.get('VersionDescription');
  if (description !== undefined && [...description].length > 255) throw invalidParameterValue('VersionDescription is limited to 255 characters.');
  return { template, sourceVersion, data, description };
}

/** The source version's data with the request's parameters laid over it. */
function versionData(ctx: RequestContext, template: LaunchTemplate, input: CreateVersionInput): Params {
  if (input.sourceVersion === undefined) return input.data;
  const source = resolveVersion(ctx, template, input.sourceVersion);
  if (source === undefined) throw versionNotFound(template, input.sourceVersion);
  return new Map([...source.data, ...input.data]);
}

function create(ctx: RequestContext, input: CreateVersionInput): Committed {
  const template = templateByRef(ctx, input.template);
  const data = versionData(ctx, template, input);
  const number = template.lastVersionNumber + 1;
  const version: LaunchTemplateVersion = {
    templateId: template.id,
    number,
    data,
    description: input.description,
    createdAt: ctx.now(),
    createdBy: `arn:aws:iam::${ctx.identity.accountId}:root`,
  };
  template.lastVersionNumber = number;
  template.versions.set(number, version);
  const answer = { launchTemplateVersion: launchTemplateVersionXml(template, version) };
  const { store } = ctx;
  // Retired once the version, or its whole template, is deleted.
  return { render: () => answer, isRetired: () => store.templateById(template.id)?.versions.has(number) !== true };
}

export const createLaunchTemplateVersion: IdempotentAction<CreateVersionInput> = {
  name: 'CreateLaunchTemplateVersion',
  tokenLimit: 128,
  quirks: (bugs) => ({ replayCreates: bugs.on('lt-version-replay-new-version') }),
  validate,
  create,
};
