// Launch template versions: numbers, the `$Latest` / `$Default` aliases, and which versions the
// caller can see yet (a new version is subject to the listing delay like any created resource).
import type { RequestContext } from './context.ts';
import { Ec2Fault, invalidParameterValue } from './errors.ts';
import { isListedAt } from './eventualConsistency.ts';
import type { LaunchTemplate, LaunchTemplateVersion } from './store.ts';

const VERSION_NUMBER = /^[1-9]\d{0,8}$/;
const ALIASES = ['$Latest', '$Default'];

/** The highest live version number (the default version always lives, so there is one). */
export function latestVersionNumber(template: LaunchTemplate): number {
  return Math.max(...template.versions.keys());
}

export function isVersionListed(ctx: RequestContext, version: LaunchTemplateVersion): boolean {
  return isListedAt(version.createdAt, ctx.now(), ctx.runtime.options.lifecycle);
}

export function versionNotFound(template: LaunchTemplate, version: string): Ec2Fault {
  return new Ec2Fault(
    'InvalidLaunchTemplateId.VersionNotFound',
    `Could not find the specified version ${version} for the launch template with ID ${template.id}.`,
  );
}

/** Refuses a version that is neither a number nor an alias; the value is kept as given. */
export function checkVersionSpecifier(name: string, version: string): void {
  if (!VERSION_NUMBER.test(version) && !ALIASES.includes(version)) {
    throw invalidParameterValue(`Value (${version}) for parameter ${name} is invalid. Expected a version number, $Latest or $Default.`);
  }
}

export function isVersionAlias(version: string): boolean {
  return ALIASES.includes(version);
}

/** The visible version a number or alias names, or undefined. */
export function resolveVersion(ctx: RequestContext, template: LaunchTemplate, version: string): LaunchTemplateVersion | undefined {
  const listed = [...template.versions.values()].filter((candidate) => isVersionListed(ctx, candidate));
  if (version === '$Default') return listed.find((candidate) => candidate.number === template.defaultVersion);
  if (version === '$Latest') return listed.reduce<LaunchTemplateVersion | undefined>((latest, candidate) => (latest && latest.number > candidate.number ? latest : candidate), undefined);
  return VERSION_NUMBER.test(version) ? listed.find((candidate) => candidate.number === Number(version)) : undefined;
}
