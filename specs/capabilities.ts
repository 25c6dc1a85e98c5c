import type { ActionAdapter } from '../harness/actions/action.ts';
import type { ResolvedTarget } from '../harness/target.ts';

/** The controlled vocabulary of what a rule may require; each entry says how the target shows it. */
export const CAPABILITIES = {
  'multi-region': 'the target serves at least two regions',
  'second-account': 'the target file has "secondaryCredentials" (a second account)',
  'two-actions': 'at least two token-taking actions are tested',
  'token-echo': 'the action echoes the token and has a client-token filter (RunInstances does; CreateLaunchTemplate does not)',
} as const;

export type Capability = keyof typeof CAPABILITIES;

export function isCapability(value: string): value is Capability {
  return Object.hasOwn(CAPABILITIES, value);
}

function has(capability: Capability, target: ResolvedTarget, adapter: ActionAdapter): boolean {
  switch (capability) {
    case 'multi-region':
      return target.regions.length >= 2;
    case 'second-account':
      return target.secondaryCredentials !== undefined;
    case 'two-actions':
      return target.actions.length >= 2;
    case 'token-echo':
      return adapter.echoesToken;
  }
}

/** Why the rule cannot run on this target and action, or undefined when it can. */
export function missingCapability(requires: readonly Capability[], target: ResolvedTarget, adapter: ActionAdapter): string | undefined {
  const missing = requires.filter((capability) => !has(capability, target, adapter));
  return missing.length === 0 ? undefined : `needs ${missing.map((c) => `${c} (${CAPABILITIES[c]})`).join(' and ')}`;
}
