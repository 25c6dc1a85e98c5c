// DescribeAvailabilityZones: the three zones of the caller's region.
import type { ActionHandler } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { invalidParameterValue } from '../errors.ts';
import { matchesFilters, readFilters } from '../filters.ts';
import type { FilterFields } from '../filters.ts';
import { readList } from '../params.ts';
import { zoneIdOf, zonesOf } from '../regions.ts';
import { xmlList } from '../xml.ts';

interface ZoneInfo {
  zoneName: string;
  zoneId: string;
  regionName: string;
  tags: [];
}

const FIELDS: FilterFields<ZoneInfo> = {
  'zone-name': (zone) => zone.zoneName,
  'zone-id': (zone) => zone.zoneId,
  'region-name': (zone) => zone.regionName,
  state: () => 'available',
  'zone-type': () => 'availability-zone',
};

export const describeAvailabilityZones: ActionHandler = (ctx) => {
  const region = ctx.identity.region;
  const zones: ZoneInfo[] = zonesOf(region).map((zoneName) => ({ zoneName, zoneId: zoneIdOf(region, zoneName), regionName: region, tags: [] }));
  const names = readList(ctx.params, 'ZoneName');
  const ids = readList(ctx.params, 'ZoneId');
  const unknown = [...names.filter((name) => !zones.some((zone) => zone.zoneName === name)), ...ids.filter((id) => !zones.some((zone) => zone.zoneId === id))];
  if (unknown.length > 0) throw invalidParameterValue(`The zone '${unknown[0]}' does not exist in ${region}.`);
  const filters = readFilters(ctx.params, FIELDS);
  stopIfDryRun(ctx);
  const items = zones
    .filter((zone) => (names.length === 0 && ids.length === 0) || names.includes(zone.zoneName) || ids.includes(zone.zoneId))
    .filter((zone) => matchesFilters(zone, filters, FIELDS))
    .map((zone) => ({
      zoneName: zone.zoneName,
      zoneState: 'available',
      regionName: region,
      zoneId: zone.zoneId,
      zoneType: 'availability-zone',
      groupName: region,
      networkBorderGroup: region,
      optInStatus: 'opt-in-not-required',
      messageSet: xmlList([]),
    }));
  return { availabilityZoneInfo: xmlList(items) };
};
