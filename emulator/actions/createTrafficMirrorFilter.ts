// CreateTrafficMirrorFilter: an empty filter (no rules yet), answered as `trafficMirrorFilter` plus
// the `clientToken` echo. Token-taking, limit 64 (REF-TOKEN-FORM).
import type { RequestContext } from '../context.ts';
import { invalidParameterValue } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { trafficMirrorFilterXml } from '../render/trafficMirrorFilter.ts';
import type { TrafficMirrorFilter } from '../resources.ts';
import type { Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';

interface CreateFilterInput {
  description: string | undefined;
  tags: Tag[];
}

function validate(ctx: RequestContext): CreateFilterInput {
  const description = ctx.params.get('Description');
  if (description !== undefined && [...description].length > 255) throw invalidParameterValue('Description is limited to 255 characters.');
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['traffic-mirror-filter']).get('traffic-mirror-filter') ?? [];
  return { description, tags };
}

function create(ctx: RequestContext, input: CreateFilterInput, token: string | undefined): Committed {
  const { store } = ctx;
  const filter: TrafficMirrorFilter = { id: newResourceId('tmf'), createdAt: ctx.now(), description: input.description, tags: input.tags };
  store.trafficMirrorFilters.add(filter);
  const answer = { trafficMirrorFilter: trafficMirrorFilterXml(filter, []), clientToken: token };
  return { render: () => answer, isRetired: () => !store.trafficMirrorFilters.has(filter.id) };
}

export const createTrafficMirrorFilter: IdempotentAction<CreateFilterInput> = {
  name: 'CreateTrafficMirrorFilter',
  tokenLimit: 64,
  quirks: (bugs) => ({ scopeIgnoresRegion: bugs.on('tmf-scope-ignores-region') }),
  validate,
  create,
};
