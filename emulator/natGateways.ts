// A NAT gateway's state follows the clock, as an instance's does: `pending` for the lifecycle's
// pendingMs, then `available`; from the first DeleteNatGateway on, `deleting` for shuttingDownMs,
// then `deleted`. A deleted gateway is still described (and can be named) for terminatedVisibleMs,
// as EC2 keeps deleted NAT gateways listed for about an hour; after that it is unknown.
import { instanceStateAt, isVisibleAt } from './lifecycle.ts';
import type { LifecycleTimes } from './lifecycle.ts';
import type { LifecycleOptions } from './options.ts';
import type { NatGateway } from './resources.ts';

export type NatGatewayState = 'pending' | 'available' | 'deleting' | 'deleted';

const FROM_INSTANCE_STATE = { pending: 'pending', running: 'available', 'shutting-down': 'deleting', terminated: 'deleted' } as const;

function timesOf(gateway: NatGateway): LifecycleTimes {
  return { launchedAt: gateway.createdAt, terminatedAt: gateway.deletedAt };
}

export function natGatewayStateAt(gateway: NatGateway, now: number, lifecycle: LifecycleOptions): NatGatewayState {
  return FROM_INSTANCE_STATE[instanceStateAt(timesOf(gateway), now, lifecycle).name];
}

/** True once a deleted gateway has stopped being listed: from then on it answers as unknown. */
export function isNatGatewayGoneAt(gateway: NatGateway, now: number, lifecycle: LifecycleOptions): boolean {
  return !isVisibleAt(timesOf(gateway), now, lifecycle);
}

/** Until it is `deleted`, a gateway keeps its subnet (and so its VPC) from being deleted. */
export function natGatewayHoldsSubnetAt(gateway: NatGateway, now: number, lifecycle: LifecycleOptions): boolean {
  return natGatewayStateAt(gateway, now, lifecycle) !== 'deleted';
}
