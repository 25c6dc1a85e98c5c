// DescribeRegions: the regions this emulator serves.
import type { ActionHandler } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { invalidParameterValue } from '../errors.ts';
import { matchesFilters, readFilters } from '../filters.ts';
import type { FilterFields } from '../filters.ts';
import { readList } from '../params.ts';
import { regionEndpoint } from '../regions.ts';
import { xmlList } from '../xml.ts';

interface RegionInfo {
  regionName: string;
  regionEndpoint: string;
  optInStatus: string;
  tags: [];
}

const FIELDS: FilterFields<RegionInfo> = {
  'region-name': (region) => region.regionName,
  endpoint: (region) => region.regionEndpoint,
  'opt-in-status': (region) => region.optInStatus,
};

export const describeRegions: ActionHandler = (ctx) => {
  const served = ctx.runtime.options.regions;
  const names = readList(ctx.params, 'RegionName');
  const unknown = names.find((name) => !served.includes(name));
  if (unknown !== undefined) throw invalidParameterValue(`Invalid region: ${unknown}; regions served: ${served.join(', ')}`);
  const filters = readFilters(ctx.params, FIELDS);
  stopIfDryRun(ctx);
  const regions: RegionInfo[] = served
    .filter((name) => names.length === 0 || names.includes(name))
    .map((name) => ({ regionName: name, regionEndpoint: regionEndpoint(name), optInStatus: 'opt-in-not-required', tags: [] }));
  const items = regions
    .filter((region) => matchesFilters(region, filters, FIELDS))
    .map(({ regionName, regionEndpoint: endpoint, optInStatus }) => ({ regionName, regionEndpoint: endpoint, optInStatus }));
  return { regionInfo: xmlList(items) };
};
