// What an action handler receives: one authenticated EC2 call, and the state it acts on.
import type { Identity } from './auth.ts';
import type { Params } from './params.ts';
import type { ParsedRequest } from './request.ts';
import type { EmulatorRuntime } from './runtime.ts';
import type { RegionStore } from './store.ts';
import type { XmlNode } from './xml.ts';

export interface RequestContext {
  readonly runtime: EmulatorRuntime;
  readonly request: ParsedRequest;
  readonly identity: Identity;
  readonly action: string;
  /** The call's parameters, without query-string auth parameters. */
  readonly params: Params;
  readonly requestId: string;
  /** The caller's (account, region) store. */
  readonly store: RegionStore;
  /** The emulator clock, read afresh at each call. */
  now(): number;
}

/** Answers one action: the children of `<ActionResponse>` after `requestId`. Throws Ec2Fault for errors. */
export type ActionHandler = (ctx: RequestContext) => XmlNode | Promise<XmlNode>;
