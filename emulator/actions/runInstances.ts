// RunInstances: launches MaxCount instances in one reservation. Idempotency comes from the shared
// layer; this file only says how to launch and how a launch answers, first time and on replay.
import { addressesFor } from '../addresses.ts';
import type { RequestContext } from '../context.ts';
import { Ec2Fault } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { reservationXml } from '../render/instance.ts';
import type { Instance, RegionStore, Reservation } from '../store.ts';
import type { Committed } from '../tokenTable.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { readRunInstancesInput } from './runInstancesInput.ts';
import type { RunInstancesInput } from './runInstancesInput.ts';

interface Launch {
  ctx: RequestContext;
  input: RunInstancesInput;
  token: string | undefined;
  reservationId: string;
  zone: string;
  launchedAt: number;
}

function launchInstance(launch: Launch, amiLaunchIndex: number): Instance {
  const { ctx, input } = launch;
  const { store } = ctx;
  const groups = input.securityGroupIds.map((groupId) => ({ groupId, groupName: groupId }));
  return {
    id: newResourceId('i'),
    reservationId: launch.reservationId,
    imageId: input.imageId,
    instanceType: input.instanceType,
    keyName: input.keyName,
    amiLaunchIndex,
    launchedAt: launch.launchedAt,
    availabilityZone: launch.zone,
    subnetId: input.subnetId ?? store.defaultSubnet(launch.zone),
    vpcId: store.defaultVpcId,
    groups: groups.length > 0 ? groups : [store.defaultSecurityGroup],
    tags: input.instanceTags,
    clientToken: launch.token,
    monitoring: input.monitoring,
    ebsOptimized: input.ebsOptimized,
    disableApiTermination: input.disableApiTermination,
    rootVolumeId: newResourceId('vol'),
    ...addressesFor(store.nextLaunchSequence(), store.region),
  };
}

function instancesOf(store: RegionStore, reservation: Reservation): Instance[] {
  return reservation.instanceIds.map((id) => store.instance(id)!);
}

/** The answer for a launch; a replay shows the current states and, with a seeded bug, worse. */
function launchXml(ctx: RequestContext, store: RegionStore, reservation: Reservation, replay: boolean): XmlNode {
  const { bugs, options } = ctx.runtime;
  let instances = instancesOf(store, reservation);
  if (replay && bugs.on('replay-fewer-instances')) instances = instances.slice(0, -1);
  const shown = replay && bugs.on('replay-new-reservation-id') ? { ...reservation, id: newResourceId('r') } : reservation;
  const firstLaunch = instances[0]?.launchedAt ?? ctx.now();
  const newLaunchTime = replay && bugs.on('replay-new-launch-time') ? Math.max(ctx.now(), firstLaunch + 1000) : undefined;
  return reservationXml(shown, instances, {
    now: ctx.now(),
    lifecycle: options.lifecycle,
    omitClientToken: bugs.on('run-token-missing'),
    launchTimeOverride: newLaunchTime,
  });
}

function committedLaunch(store: RegionStore, reservation: Reservation): Committed {
  return {
    render: (ctx, replay) => launchXml(ctx, store, reservation, replay),
    isRetired: () => instancesOf(store, reservation).every((instance) => instance.terminatedAt !== undefined),
  };
}

function launch(ctx: RequestContext, input: RunInstancesInput, token: string | undefined): Committed {
  const spec: Launch = {
    ctx,
    input,
    token,
    reservationId: newResourceId('r'),
    zone: input.zone ?? `${ctx.identity.region}a`,
    launchedAt: ctx.now(),
  };
  const instances = Array.from({ length: input.count }, (_, index) => launchInstance(spec, index));
  const reservation: Reservation = { id: spec.reservationId, ownerId: ctx.identity.accountId, instanceIds: instances.map((i) => i.id) };
  ctx.store.addReservation(reservation, instances);
  return committedLaunch(ctx.store, reservation);
}

export const runInstances: IdempotentAction<RunInstancesInput> = {
  name: 'RunInstances',
  tokenLimit: 64,
  validate: (ctx) => readRunInstancesInput(ctx.params, ctx.identity.region),
  zoneOf: (input) => input.zone,
  create: launch,
  emptyAnswer: (ctx) => ({ reservationId: newResourceId('r'), ownerId: ctx.identity.accountId, groupSet: xmlList([]), instancesSet: xmlList([]) }),
  retiredReplayFault: () =>
    new Ec2Fault(
      'IdempotentInstanceTerminated',
      'The client token you have provided is associated with a terminated instance. Please use a different client token',
    ),
};
