// DeleteLaunchTemplateVersions: answers 200 with one item per requested version, in a success set
// or an error set; a missing template, a missing version and the default version are errors of the
// item (ResponseError codes from the LaunchTemplateErrorCode enum), not of the request.
import type { ActionHandler, RequestContext } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault, invalidParameterValue, missingParameter } from '../errors.ts';
import { isVersionListed } from '../launchTemplateVersions.ts';
import { isTemplateId, isTemplateListed } from '../launchTemplates.ts';
import { readList } from '../params.ts';
import type { LaunchTemplate } from '../store.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';

const MAX_VERSIONS = 200;
const VERSION_NUMBER = /^[1-9]\d{0,8}$/;

interface Outcome {
  deleted: XmlNode[];
  failed: XmlNode[];
}

function failure(template: { id?: string; name?: string }, version: string, code: string, message: string): XmlNode {
  return {
    launchTemplateId: template.id,
    launchTemplateName: template.name,
    versionNumber: version,
    responseError: { code, message },
  };
}

/** The template the request names, or the item error every version then gets. */
function lookup(ctx: RequestContext): LaunchTemplate | { code: string; message: string; id?: string; name?: string } {
  const id = ctx.params.get('LaunchTemplateId');
  const name = ctx.params.get('LaunchTemplateName');
  if (id) {
    if (!isTemplateId(id)) return { id, code: 'launchTemplateIdMalformed', message: `The specified ID for the launch template (${id}) is not valid.` };
    const template = ctx.store.templateById(id);
    if (template && isTemplateListed(ctx, template)) return template;
    return { id, code: 'launchTemplateIdDoesNotExist', message: `The specified launch template, with template ID ${id}, does not exist.` };
  }
  const template = ctx.store.templateByName(name!);
  if (template && isTemplateListed(ctx, template)) return template;
  return { name, code: 'launchTemplateNameDoesNotExist', message: `The specified launch template, with template name ${name}, does not exist.` };
}

function deleteVersions(ctx: RequestContext, template: LaunchTemplate, versions: readonly string[], outcome: Outcome): void {
  const ref = { id: template.id, name: template.name };
  for (const text of versions) {
    const version = VERSION_NUMBER.test(text) ? template.versions.get(Number(text)) : undefined;
    if (version === undefined || !isVersionListed(ctx, version)) {
      outcome.failed.push(failure(ref, text, 'launchTemplateVersionDoesNotExist', `Could not find the specified version ${text} for the launch template with ID ${template.id}.`));
    } else if (version.number === template.defaultVersion) {
      outcome.failed.push(failure(ref, text, 'unexpectedError', 'Cannot delete the default version of a launch template.'));
    } else {
      template.versions.delete(version.number);
      outcome.deleted.push({ launchTemplateId: template.id, launchTemplateName: template.name, versionNumber: version.number });
    }
  }
}

export const deleteLaunchTemplateVersions: ActionHandler = (ctx) => {
  const byId = ctx.params.get('LaunchTemplateId');
  const byName = ctx.params.get('LaunchTemplateName');
  if (!byId && !byName) throw missingParameter('LaunchTemplateId or LaunchTemplateName');
  if (byId && byName) throw new Ec2Fault('InvalidParameterCombination', 'Specify either LaunchTemplateId or LaunchTemplateName, not both.');
  const versions = [...new Set(readList(ctx.params, 'LaunchTemplateVersion'))];
  if (versions.length === 0) throw missingParameter('LaunchTemplateVersion');
  if (versions.length > MAX_VERSIONS) throw invalidParameterValue(`At most ${MAX_VERSIONS} versions can be deleted in one request.`);
  const template = lookup(ctx);
  stopIfDryRun(ctx);
  const outcome: Outcome = { deleted: [], failed: [] };
  if ('versions' in template) deleteVersions(ctx, template, versions, outcome);
  else outcome.failed.push(...versions.map((version) => failure(template, version, template.code, template.message)));
  return {
    successfullyDeletedLaunchTemplateVersionSet: xmlList(outcome.deleted),
    unsuccessfullyDeletedLaunchTemplateVersionSet: xmlList(outcome.failed),
  };
};
