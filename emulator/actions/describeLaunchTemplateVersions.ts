// DescribeLaunchTemplateVersions: the versions of one template (by id or name), or the `$Latest` /
// `$Default` versions of every template when none is named; narrowed by `LaunchTemplateVersion.N`,
// MinVersion/MaxVersion and filters, paginated. Versions carry no tags of their own.
import type { ActionHandler, RequestContext } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { invalidParameterValue } from '../errors.ts';
import { matchesFilters, readFilters } from '../filters.ts';
import type { FilterFields } from '../filters.ts';
import { checkVersionSpecifier, isVersionAlias, isVersionListed, resolveVersion, versionNotFound } from '../launchTemplateVersions.ts';
import { isTemplateListed, readTemplateRef, templateByRef } from '../launchTemplates.ts';
import { paginate, readPageRequest } from '../pagination.ts';
import { readInteger, readList } from '../params.ts';
import { launchTemplateVersionXml } from '../render/launchTemplateVersion.ts';
import type { LaunchTemplate, LaunchTemplateVersion } from '../store.ts';
import { xmlList } from '../xml.ts';

interface VersionRow {
  template: LaunchTemplate;
  version: LaunchTemplateVersion;
  tags: readonly [];
}

const FIELDS: FilterFields<VersionRow> = {
  'is-default-version': (row) => String(row.version.number === row.template.defaultVersion),
  'image-id': (row) => row.version.data.get('ImageId'),
  'instance-type': (row) => row.version.data.get('InstanceType'),
  'ebs-optimized': (row) => row.version.data.get('EbsOptimized'),
  'kernel-id': (row) => row.version.data.get('KernelId'),
  'ram-disk-id': (row) => row.version.data.get('RamDiskId'),
  'iam-instance-profile': (row) => row.version.data.get('IamInstanceProfile.Arn') ?? row.version.data.get('IamInstanceProfile.Name'),
};

function templatesOf(ctx: RequestContext): { templates: LaunchTemplate[]; named: boolean } {
  const named = ctx.params.has('LaunchTemplateId') || ctx.params.has('LaunchTemplateName');
  if (named) return { templates: [templateByRef(ctx, readTemplateRef(ctx.params))], named };
  return { templates: [...ctx.store.allTemplates()].filter((template) => isTemplateListed(ctx, template)), named };
}

function requested(ctx: RequestContext, template: LaunchTemplate, versions: readonly string[]): LaunchTemplateVersion[] {
  if (versions.length === 0) return [...template.versions.values()].filter((version) => isVersionListed(ctx, version));
  const found = new Set<LaunchTemplateVersion>();
  for (const wanted of versions) {
    const version = resolveVersion(ctx, template, wanted);
    if (version === undefined) throw versionNotFound(template, wanted);
    found.add(version);
  }
  return [...found];
}

export const describeLaunchTemplateVersions: ActionHandler = (ctx) => {
  const versions = readList(ctx.params, 'LaunchTemplateVersion');
  versions.forEach((version) => checkVersionSpecifier('LaunchTemplateVersion', version));
  const min = readInteger(ctx.params, 'MinVersion', 1, 2 ** 31 - 1) ?? 1;
  const max = readInteger(ctx.params, 'MaxVersion', 1, 2 ** 31 - 1) ?? Number.MAX_SAFE_INTEGER;
  const filters = readFilters(ctx.params, FIELDS);
  const pageRequest = readPageRequest(ctx.params, 1, 200);
  const { templates, named } = templatesOf(ctx);
  if (!named && !versions.every(isVersionAlias)) {
    throw invalidParameterValue('Without LaunchTemplateId or LaunchTemplateName, only the $Latest and $Default versions can be described.');
  }
  const rows = templates
    .flatMap((template) =>
      requested(ctx, template, versions)
        .sort((a, b) => a.number - b.number)
        .map((version) => ({ template, version, tags: [] as const })),
    )
    .filter((row) => row.version.number >= min && row.version.number <= max)
    .filter((row) => matchesFilters(row, filters, FIELDS));
  stopIfDryRun(ctx);
  const page = paginate(rows, pageRequest);
  return {
    launchTemplateVersionSet: xmlList(page.items.map((row) => launchTemplateVersionXml(row.template, row.version))),
    nextToken: page.nextToken,
  };
};
