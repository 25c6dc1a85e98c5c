// DescribeLaunchTemplates: by id, by name, by filter, paginated.
import type { ActionHandler, RequestContext } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { matchesFilters, readFilters } from '../filters.ts';
import type { FilterFields } from '../filters.ts';
import { isTemplateListed, templateById, templateByName } from '../launchTemplates.ts';
import { paginate, readPageRequest } from '../pagination.ts';
import { readList } from '../params.ts';
import { launchTemplateXml } from '../render/launchTemplate.ts';
import type { LaunchTemplate } from '../store.ts';
import { xmlList } from '../xml.ts';

const FIELDS: FilterFields<LaunchTemplate> = {
  'launch-template-name': (template) => template.name,
};

function selected(ctx: RequestContext): Iterable<LaunchTemplate> {
  const ids = readList(ctx.params, 'LaunchTemplateId');
  const names = readList(ctx.params, 'LaunchTemplateName');
  if (ids.length === 0 && names.length === 0) return [...ctx.store.allTemplates()].filter((template) => isTemplateListed(ctx, template));
  const byId = ids.map((id) => templateById(ctx, id));
  const byName = names.map((name) => templateByName(ctx, name));
  return new Set([...byId, ...byName]);
}

export const describeLaunchTemplates: ActionHandler = (ctx) => {
  const filters = readFilters(ctx.params, FIELDS);
  const pageRequest = readPageRequest(ctx.params, 1, 200);
  const templates = [...selected(ctx)].filter((template) => matchesFilters(template, filters, FIELDS));
  stopIfDryRun(ctx);
  const page = paginate(templates, pageRequest);
  return { launchTemplates: xmlList(page.items.map(launchTemplateXml)), nextToken: page.nextToken };
};
