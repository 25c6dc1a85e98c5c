// CreateManagedPrefixList: a customer-managed prefix list (version 1), answered as `prefixList` in
// state `create-in-progress`, without a clientToken echo. Token-taking, limit 255 (the model's
// "Up to 255 UTF-8 characters", REF-TOKEN-FORM).
import type { RequestContext } from '../context.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { readPrefixListSpec } from '../prefixListSpec.ts';
import type { PrefixListSpec } from '../prefixListSpec.ts';
import { prefixListXml } from '../render/prefixList.ts';
import type { ManagedPrefixList } from '../resources.ts';
import type { Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';

interface CreatePrefixListInput extends PrefixListSpec {
  tags: Tag[];
}

function validate(ctx: RequestContext): CreatePrefixListInput {
  const spec = readPrefixListSpec(ctx.params);
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['prefix-list']).get('prefix-list') ?? [];
  return { ...spec, tags };
}

function create(ctx: RequestContext, input: CreatePrefixListInput): Committed {
  const { store } = ctx;
  const { accountId, region } = ctx.identity;
  const id = newResourceId('pl');
  const list: ManagedPrefixList = {
    id,
    createdAt: ctx.now(),
    ownerId: accountId,
    tags: input.tags,
    name: input.name,
    addressFamily: input.addressFamily,
    maxEntries: input.maxEntries,
    entries: input.entries,
    arn: `arn:aws:ec2:${region}:${accountId}:prefix-list/${id}`,
  };
  store.prefixLists.add(list);
  const answer = { prefixList: prefixListXml(list, 'create-in-progress') };
  return { render: () => answer, isRetired: () => !store.prefixLists.has(id) };
}

export const createManagedPrefixList: IdempotentAction<CreatePrefixListInput> = {
  name: 'CreateManagedPrefixList',
  tokenLimit: 255,
  quirks: (bugs) => (bugs.on('prefix-list-token-limit-64') ? { tokenLimit: 64 } : {}),
  validate,
  create,
};
