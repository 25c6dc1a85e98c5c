// @ts-check
// The client side of CreateCapacityReservation: how the suite builds the create, reads its answer,
// lists what a case made (by tag), and cancels it. The core has no adapter for this action.
// API reference: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCapacityReservation.html
import { simpleAction } from 'ec2-idempotency-conformance';

export const createCapacityReservation = simpleAction({
  name: 'CreateCapacityReservation',
  // "Constraint: Maximum 64 ASCII characters." (the ClientToken parameter in the API reference)
  tokenLimit: 64,
  // The answer is `<capacityReservation>` alone: no clientToken echo.
  tokenInAnswer: false,
  resourceType: 'capacity-reservation',
  needs: ['zone'],
  // What may change between two requests with one token: each change makes another request.
  options: [
    { name: 'InstanceCount', values: ['1', '2', '3'] },
    { name: 'InstanceType', values: ['t3.micro', 't3.small', 'm5.large'] },
  ],
  placed: (place) => ({ AvailabilityZone: place.fixtures.zone ?? '', InstancePlatform: 'Linux/UNIX' }),
  element: 'capacityReservation',
  idName: 'capacityReservationId',
  describe: { action: 'DescribeCapacityReservations', list: 'capacityReservationSet' },
  remove: (id) => ({ action: 'CancelCapacityReservation', params: { CapacityReservationId: id } }),
  notFoundCodes: ['InvalidCapacityReservationId.NotFound'],
  // A cancelled reservation stays listed for a while, as on EC2.
  goneStates: ['cancelled', 'expired'],
});
