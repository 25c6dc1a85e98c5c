import { applyResourceChange, resourceChange, resourceParams, type OptionSpec, type ResourceParams } from '../../generators/resourceParams.ts';
import { field, items, text } from '../decode.ts';
import type { Call } from '../encode.ts';
import { fixtureTemplateName } from '../fixtures/fixtureKinds.ts';
import type { XmlNode } from '../outcome.ts';
import { CASE_TAG, contextOfCase, RUN_TAG, runIdOf, TEST_TAG, type ActionAdapter, type CaseContext, type ObservedResource } from './action.ts';
import { nextTokenOf } from './describeCall.ts';

/** The parameters of a new version: its data, and the run's template it goes into once placed. */
export type VersionParams = ResourceParams & { readonly TemplateId?: string };

/** What may differ between two versions (each a different request); versions take no tags. */
const OPTIONS: readonly OptionSpec[] = [
  { name: 'InstanceType', values: ['t3.micro', 't3.small', 't3.nano'] },
  { name: 'DisableApiTermination', values: ['true', 'false'], optional: true },
  { name: 'EbsOptimized', values: ['true', 'false'], optional: true },
];

/**
 * A version cannot carry tags (REF-TOKEN-ACTIONS), so the case id travels in its description
 * instead, and the read-back turns it back into the suite's three tags (a case id names its run
 * and test too).
 */
const MARKER = 'ec2-idem case ';

function tagsFromDescription(description: string | undefined): Record<string, string> | undefined {
  if (!description?.startsWith(MARKER)) return undefined;
  const context = contextOfCase(description.slice(MARKER.length));
  return { [RUN_TAG]: context.runId, [TEST_TAG]: context.testId, [CASE_TAG]: context.caseId };
}

/** A version's id as the suite keeps it: `<template id>:<version number>` (the ledger, deletes). */
function versionId(templateId: string, number: string): string {
  return `${templateId}:${number}`;
}

function versionOf(node: XmlNode): ObservedResource {
  const templateId = text(node, 'launchTemplateId') ?? '';
  const number = text(node, 'versionNumber') ?? '';
  const tags = tagsFromDescription(text(node, 'versionDescription'));
  return { id: templateId === '' || number === '' ? '' : versionId(templateId, number), ...(tags ? { tags } : {}) };
}

/**
 * New versions of the run's own launch template (a fixture): free, and the one token-taking action
 * whose resource is a child numbered by its parent. Deleted one by one with
 * DeleteLaunchTemplateVersions; the fixture's own deletion at the end takes any that remain.
 */
export const createLaunchTemplateVersion: ActionAdapter<VersionParams> = {
  name: 'CreateLaunchTemplateVersion',
  tokenLimit: 128,
  echoesToken: false,
  tokenInAnswer: false,
  needs: ['launch-template'],
  deleteAction: 'DeleteLaunchTemplateVersions',
  notFoundCodes: ['InvalidLaunchTemplateId.NotFound', 'InvalidLaunchTemplateId.VersionNotFound'],
  params: () => resourceParams(OPTIONS, { tagged: false }),
  change: () => resourceChange(OPTIONS, { tagged: false }),
  applyChange: (params, change) => ({ ...applyResourceChange(params, change, OPTIONS), ...(params.TemplateId ? { TemplateId: params.TemplateId } : {}) }),
  localize: (params, place) => ({ ...params, TemplateId: place.fixtures.launchTemplateId ?? '' }),
  toCall(params: VersionParams, token: string | undefined, context: CaseContext, options = {}): Call {
    return {
      action: 'CreateLaunchTemplateVersion',
      params: {
        LaunchTemplateId: params.TemplateId,
        VersionDescription: `${MARKER}${context.caseId}`,
        LaunchTemplateData: params.Options,
        ClientToken: token,
        DryRun: options.dryRun ? true : undefined,
      },
    };
  },
  resourcesPerCreate: () => 1,
  created(answer) {
    const node = field(answer.body, 'launchTemplateVersion');
    if (node === undefined || typeof node === 'string' || Array.isArray(node)) return [];
    const version = versionOf(node as XmlNode);
    return version.id === '' ? [] : [version];
  },
  // Every version of the run's template; the caller keeps those whose description names the case.
  // Pages of the API's largest size (200): moto returns one page of MaxResults (15 unless asked)
  // and never a next-page token.
  findByTag: (_key, value, nextToken) => ({ action: 'DescribeLaunchTemplateVersions', params: { LaunchTemplateName: fixtureTemplateName(runIdOf(value)), MaxResults: 200, NextToken: nextToken } }),
  // Once the run's template is deleted (the fixture cleanup), so are all its versions.
  emptyListingCodes: ['InvalidLaunchTemplateName.NotFoundException', 'InvalidLaunchTemplateId.NotFound'],
  observed(answer) {
    return { resources: items(answer.body, 'launchTemplateVersionSet').map(versionOf).filter((r) => r.id !== ''), nextToken: nextTokenOf(answer) };
  },
  deleteCalls: (ids) =>
    ids.flatMap((id) => {
      const at = id.lastIndexOf(':');
      if (at < 0) return [];
      return [{ call: { action: 'DeleteLaunchTemplateVersions', params: { LaunchTemplateId: id.slice(0, at), LaunchTemplateVersion: [id.slice(at + 1)] } }, ids: [id] }];
    }),
  // A deleted version is no longer listed.
  isGone: () => false,
};
