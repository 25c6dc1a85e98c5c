// DescribeRegions: the regions this emulator serves.
import type { ActionHandler } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { invalidParameterValue } from '../errors.ts';
import { matchesFilters, readFilters } from '../filters.ts';
import type { FilterMatchers } from '../filters.ts';
import { readList } from '../params.ts';
import { regionEndpoint } from '../regions.ts';
import { xmlList } from '../xml.ts';

interface RegionInfo {
  regionName: string;
  regionEndpoint: string;
  optInStatus: string;
  tags: [];
}

const MATCHERS: FilterMatchers<RegionInfo> = {
  'region-name': (region, values) => values.includes(region.regionName),
  endpoint: (region, values) => values.includes(region.regionEndpoint),
  'opt-in-status': (region, values) => values.includes(region.optInStatus),
};

export const describeRegions: ActionHandler = (ctx) => {
  const served = ctx.runtime.options.regions;
  const names = readList(ctx.params, 'RegionName');
  const unknown = names.find((name) => !served.includes(name));
  if (unknown !== undefined) throw invalidParameterValue(`Invalid region: ${unknown}; regions served: ${served.join(', ')}`);
  const filters = readFilters(ctx.params, MATCHERS);
  stopIfDryRun(ctx);
  const regions: RegionInfo[] = served
    .filter((name) => names.length === 0 || names.includes(name))
    .map((name) => ({ regionName: name, regionEndpoint: regionEndpoint(name), optInStatus: 'opt-in-not-required', tags: [] }));
  const items = regions
    .filter((region) => matchesFilters(region, filters, MATCHERS))
    .map(({ regionName, regionEndpoint: endpoint, optInStatus }) => ({ regionName, regionEndpoint: endpoint, optInStatus }));
  return { regionInfo: xmlList(items) };
};
