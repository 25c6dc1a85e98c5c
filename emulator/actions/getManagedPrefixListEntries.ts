// GetManagedPrefixListEntries: the entries of a visible prefix list (there is only version 1),
// paginated (1–100).
import type { ActionHandler } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { findListed } from '../lookup.ts';
import { paginate, readPageRequest } from '../pagination.ts';
import { readInteger, requireString } from '../params.ts';
import { PREFIX_LISTS } from '../resourceKinds.ts';
import { invalidParameterValue } from '../errors.ts';
import { xmlList } from '../xml.ts';

export const getManagedPrefixListEntries: ActionHandler = (ctx) => {
  const list = findListed(ctx, PREFIX_LISTS, requireString(ctx.params, 'PrefixListId'));
  const version = readInteger(ctx.params, 'TargetVersion', 1, 2 ** 31 - 1);
  if (version !== undefined && version !== 1) throw invalidParameterValue(`The prefix list ${list.id} has no version ${version}.`);
  const page = paginate(list.entries, readPageRequest(ctx.params, 1, 100));
  stopIfDryRun(ctx);
  return { entrySet: xmlList(page.items.map((entry) => ({ cidr: entry.cidr, description: entry.description }))), nextToken: page.nextToken };
};
