import type { TokenActionName } from '../target.ts';
import type { ActionAdapter } from './action.ts';
import { createLaunchTemplate } from './createLaunchTemplate.ts';
import { runInstances } from './runInstances.ts';

/** Every token-taking action the suite knows; adding one here makes every generic rule apply to it. */
export const ACTION_ADAPTERS: Readonly<Record<TokenActionName, ActionAdapter>> = {
  RunInstances: runInstances as ActionAdapter,
  CreateLaunchTemplate: createLaunchTemplate as ActionAdapter,
};
