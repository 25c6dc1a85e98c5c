// Availability zones and their ids, derived from the region name the way EC2 shapes them:
// us-east-1 → zones us-east-1a/b/c with ids use1-az1/2/3.

const ZONE_LETTERS = ['a', 'b', 'c'] as const;

export function zonesOf(region: string): string[] {
  return ZONE_LETTERS.map((letter) => `${region}${letter}`);
}

/** `us-east-1` → `use1`, `eu-west-1` → `euw1`, `us-gov-west-1` → `usgw1`. */
export function regionCode(region: string): string {
  const parts = region.split('-');
  const middle = parts.slice(1, -1).map((part) => part.charAt(0)).join('');
  return `${parts[0] ?? ''}${middle}${parts.at(-1) ?? ''}`;
}

export function zoneIdOf(region: string, zone: string): string {
  return `${regionCode(region)}-az${zonesOf(region).indexOf(zone) + 1}`;
}

/** The zone of `region` with this zone id (`use1-az2`), if any. */
export function zoneWithId(region: string, zoneId: string): string | undefined {
  return zonesOf(region).find((zone) => zoneIdOf(region, zone) === zoneId);
}

export function regionEndpoint(region: string): string {
  return `ec2.${region}.amazonaws.com`;
}
