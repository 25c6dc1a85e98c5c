import { applyLaunchTemplateChange, launchTemplateChange } from '../../generators/paramChange.ts';
import { launchTemplateParams, type LaunchTemplateParams } from '../../generators/launchTemplateParams.ts';
import { field, items, text } from '../decode.ts';
import type { Call } from '../encode.ts';
import type { XmlNode } from '../outcome.ts';
import { suiteTags, type ActionAdapter, type CaseContext, type ObservedResource } from './action.ts';
import { describeCall, nextTokenOf } from './describeCall.ts';
import { tagsOf } from './tagsOf.ts';

function templateOf(node: XmlNode): ObservedResource {
  return { id: text(node, 'launchTemplateId') ?? '', tags: tagsOf(node) };
}

/** Launch templates are free: the cheapest token-taking create there is (REF-LAUNCH-TEMPLATES). */
export const createLaunchTemplate: ActionAdapter<LaunchTemplateParams> = {
  name: 'CreateLaunchTemplate',
  tokenLimit: 128,
  echoesToken: false,
  deleteAction: 'DeleteLaunchTemplate',
  notFoundCodes: ['InvalidLaunchTemplateId.NotFound'],
  params: (constraints) => launchTemplateParams(constraints),
  change: (constraints) => launchTemplateChange(constraints),
  applyChange: applyLaunchTemplateChange,
  localize: (params, place) => ({ ...params, Data: { ...params.Data, ImageId: place.region.imageId } }),
  toCall(params: LaunchTemplateParams, token: string | undefined, context: CaseContext, options = {}): Call {
    return {
      action: 'CreateLaunchTemplate',
      params: {
        // Names are unique per region and account: the case id makes them unique per run, too.
        LaunchTemplateName: `ec2-idem.${context.caseId}.${params.NameSuffix}`,
        VersionDescription: params.VersionDescription,
        LaunchTemplateData: params.Data,
        TagSpecification: [{ ResourceType: 'launch-template', Tag: [...params.Tags, ...suiteTags(context)] }],
        ClientToken: token,
        DryRun: options.dryRun ? true : undefined,
      },
    };
  },
  resourcesPerCreate: () => 1,
  // An answer without a <launchTemplate> (or without its id) names nothing: never invent one.
  created(answer) {
    const node = field(answer.body, 'launchTemplate');
    if (node === undefined || typeof node === 'string' || Array.isArray(node)) return [];
    const template = templateOf(node as XmlNode);
    return template.id === '' ? [] : [template];
  },
  findByTag: (key, value, nextToken) => describeCall('DescribeLaunchTemplates', [{ Name: `tag:${key}`, Value: [value] }], nextToken),
  observed(answer) {
    return { resources: items(answer.body, 'launchTemplates').map(templateOf).filter((r) => r.id !== ''), nextToken: nextTokenOf(answer) };
  },
  deleteCalls: (ids) => ids.map((id) => ({ call: { action: 'DeleteLaunchTemplate', params: { LaunchTemplateId: id } }, ids: [id] })),
  // A deleted template is no longer listed, so every listed one is alive.
  isGone: () => false,
};
