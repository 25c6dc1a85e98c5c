// DryRun=true validates the whole request, then answers DryRunOperation (HTTP 412) instead of
// acting (REF-DRYRUN). It never creates anything and never binds a client token.
import type { BugSwitch } from './bugs.ts';
import type { RequestContext } from './context.ts';
import { Ec2Fault } from './errors.ts';
import { readBoolean } from './params.ts';
import type { Params } from './params.ts';

export function isDryRun(params: Params): boolean {
  return readBoolean(params, 'DryRun') === true;
}

export function dryRunOperation(bugs: BugSwitch): Ec2Fault {
  const status = bugs.on('dryrun-wrong-status') ? 400 : undefined;
  return new Ec2Fault('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', status);
}

/** Call once the request is validated: a dry run ends here. */
export function stopIfDryRun(ctx: RequestContext): void {
  if (isDryRun(ctx.params)) throw dryRunOperation(ctx.runtime.bugs);
}
