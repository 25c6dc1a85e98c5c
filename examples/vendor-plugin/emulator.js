// @ts-check
// The emulator side of CreateCapacityReservation. The create is an IdempotentAction: the
// emulator's one idempotency layer decides replay, mismatch, token scope, serialization and
// retention for it exactly as for the built-in actions. Describe and cancel are plain handlers.
// State lives per account and region (regionState). One seeded bug, consulted here only.
import {
  Ec2Fault,
  invalidParameterValue,
  matchesFilters,
  paginate,
  readFilters,
  readInteger,
  readList,
  readPageRequest,
  readTagSpecifications,
  regionState,
  requireString,
  stopIfDryRun,
  xmlList,
  zonesOf,
} from 'ec2-idempotency-conformance/emulator';

/** The seeded bug: a replay after CancelCapacityReservation is refused instead of answered. */
export const CANCELLED_REPLAY_REFUSED = 'acme-cancelled-replay-refused';

/**
 * @typedef {import('ec2-idempotency-conformance/emulator').Tag} Tag
 * @typedef {import('ec2-idempotency-conformance/emulator').RequestContext} RequestContext
 * @typedef {{ instanceType: string, instancePlatform: string, availabilityZone: string, instanceCount: number, tags: readonly Tag[] }} Input
 * @typedef {Input & { id: string, ownerId: string, createdAt: number, state: 'active' | 'cancelled' }} Reservation
 */

const PLATFORMS = ['Linux/UNIX', 'Windows', 'Red Hat Enterprise Linux', 'SUSE Linux'];

/** This account and region's reservations, in creation order. @param {RequestContext} ctx @returns {Map<string, Reservation>} */
const reservations = (ctx) => regionState(ctx, 'acme:capacity-reservations', () => new Map());

let counter = 0;
function newId() {
  counter += 1;
  return `cr-${(Date.now().toString(16) + counter.toString(16).padStart(5, '0')).slice(-17).padStart(17, '0')}`;
}

/** @param {Reservation} reservation */
function render(reservation) {
  const date = new Date(reservation.createdAt).toISOString();
  return {
    capacityReservationId: reservation.id,
    ownerId: reservation.ownerId,
    instanceType: reservation.instanceType,
    instancePlatform: reservation.instancePlatform,
    availabilityZone: reservation.availabilityZone,
    tenancy: 'default',
    totalInstanceCount: reservation.instanceCount,
    availableInstanceCount: reservation.instanceCount,
    state: reservation.state,
    startDate: date,
    endDateType: 'unlimited',
    instanceMatchCriteria: 'open',
    createDate: date,
    tagSet: xmlList(reservation.tags.map((tag) => ({ key: tag.key, value: tag.value }))),
  };
}

/** Checks the request without touching state; a bad one is a 4xx. @param {RequestContext} ctx @returns {Input} */
function validate(ctx) {
  const instanceType = requireString(ctx.params, 'InstanceType');
  const instancePlatform = requireString(ctx.params, 'InstancePlatform');
  if (!PLATFORMS.includes(instancePlatform)) throw invalidParameterValue(`Value (${instancePlatform}) for parameter InstancePlatform is invalid.`);
  const availabilityZone = requireString(ctx.params, 'AvailabilityZone');
  if (!zonesOf(ctx.identity.region).includes(availabilityZone)) throw invalidParameterValue(`Invalid availability zone: [${availabilityZone}]`);
  const instanceCount = readInteger(ctx.params, 'InstanceCount', 1, 1000);
  if (instanceCount === undefined) throw new Ec2Fault('MissingParameter', 'The request must contain the parameter InstanceCount');
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['capacity-reservation']).get('capacity-reservation') ?? [];
  return { instanceType, instancePlatform, availabilityZone, instanceCount, tags };
}

/** @param {RequestContext} ctx @param {Input} input */
function create(ctx, input) {
  /** @type {Reservation} */
  const reservation = { id: newId(), ownerId: ctx.identity.accountId, createdAt: ctx.now(), state: 'active', ...input };
  reservations(ctx).set(reservation.id, reservation);
  // The first answer, kept: a replay answers it again, whatever happened since.
  const answer = { capacityReservation: render(reservation) };
  return {
    /** @param {RequestContext} replayCtx @param {boolean} replay */
    render: (replayCtx, replay) => {
      if (replay && reservation.state === 'cancelled' && replayCtx.runtime.bugs.on(CANCELLED_REPLAY_REFUSED)) {
        throw new Ec2Fault('InvalidCapacityReservationId.NotFound', `The capacity reservation ID '${reservation.id}' does not exist`);
      }
      return answer;
    },
    isRetired: () => reservation.state === 'cancelled',
  };
}

/** @type {import('ec2-idempotency-conformance/emulator').IdempotentAction<Input>} */
export const createCapacityReservationAction = {
  name: 'CreateCapacityReservation',
  tokenLimit: 64,
  validate,
  create,
  // What the core's `creates-nothing` bug answers: a success naming nothing.
  emptyAnswer: () => ({}),
};

/** @type {import('ec2-idempotency-conformance/emulator').FilterFields<Reservation>} */
const FIELDS = {
  'capacity-reservation-id': (r) => r.id,
  'instance-type': (r) => r.instanceType,
  'availability-zone': (r) => r.availabilityZone,
  'instance-platform': (r) => r.instancePlatform,
  state: (r) => r.state,
  'owner-id': (r) => r.ownerId,
};

/** @param {string} id */
const notFound = (id) => new Ec2Fault('InvalidCapacityReservationId.NotFound', `The capacity reservation ID '${id}' does not exist`);

/** DescribeCapacityReservations: by id and filters (tag:KEY included; values are EC2 patterns), paginated. @type {import('ec2-idempotency-conformance/emulator').ActionHandler} */
export const describeCapacityReservations = (ctx) => {
  const ids = readList(ctx.params, 'CapacityReservationId');
  const filters = readFilters(ctx.params, FIELDS);
  const page = readPageRequest(ctx.params, 1, 1000);
  const all = reservations(ctx);
  for (const id of ids) if (!all.has(id)) throw notFound(id);
  stopIfDryRun(ctx);
  const candidates = [...all.values()].filter((r) => (ids.length === 0 || ids.includes(r.id)) && matchesFilters(r, filters, FIELDS));
  const { items, nextToken } = paginate(candidates, page);
  return { capacityReservationSet: xmlList(items.map(render)), nextToken };
};

/** CancelCapacityReservation: the reservation stays listed, `cancelled`. @type {import('ec2-idempotency-conformance/emulator').ActionHandler} */
export const cancelCapacityReservation = (ctx) => {
  const id = requireString(ctx.params, 'CapacityReservationId');
  const reservation = reservations(ctx).get(id);
  if (reservation === undefined) throw notFound(id);
  stopIfDryRun(ctx);
  // Cancelling twice is harmless: the suite's sweep may cancel what a case already cancelled.
  reservation.state = 'cancelled';
  return { return: true };
};
