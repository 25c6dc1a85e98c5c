import { describe, expect, it } from 'vitest';
import { responseDifferences } from '../../harness/compare.ts';
import { decode } from '../../harness/decode.ts';
import type { Ok } from '../../harness/outcome.ts';
import type { ProfileName } from '../../harness/target.ts';

const PROFILES: readonly ProfileName[] = ['seed', 'aws-current', 'strict'];

interface InstanceParts {
  id?: string;
  state?: string;
  launchTime?: string;
  dnsName?: string;
  extra?: string;
}

function instance({ id = 'i-0aaa', state = 'pending', launchTime = '2026-01-01T00:00:00.000Z', dnsName = '', extra = '' }: InstanceParts = {}): string {
  return `<item><instanceId>${id}</instanceId><imageId>ami-1</imageId>
    <instanceState><code>${state === 'pending' ? 0 : 16}</code><name>${state}</name></instanceState>
    <stateReason><code>${state}</code><message>${state}</message></stateReason>
    <dnsName>${dnsName}</dnsName><launchTime>${launchTime}</launchTime><clientToken>tok</clientToken>${extra}</item>`;
}

interface AnswerParts {
  requestId?: string;
  reservationId?: string;
  groupSet?: string;
  instances?: readonly string[];
  extra?: string;
}

/** A RunInstances answer, decoded by the harness's own decoder. */
function answer({ requestId = 'req-1', reservationId = 'r-0aaa', groupSet = '<groupSet/>', instances = [instance()], extra = '' }: AnswerParts = {}): Ok {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>${requestId}</requestId><reservationId>${reservationId}</reservationId><ownerId>111111111111</ownerId>
  ${groupSet}<instancesSet>${instances.join('')}</instancesSet>${extra}
</RunInstancesResponse>`;
  const outcome = decode({ kind: 'exchange', status: 200, headers: {}, body: xml, truncated: false });
  if (outcome.kind !== 'ok') throw new Error(`fixture did not decode: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('responseDifferences', () => {
  it.each(PROFILES)('equal documents have no difference (%s)', (profile) => {
    expect(responseDifferences(answer(), answer(), profile)).toEqual([]);
  });

  it.each(PROFILES)('the request id and the instance state may differ (%s)', (profile) => {
    const first = answer({ requestId: 'req-1', instances: [instance({ state: 'pending' })] });
    const replay = answer({ requestId: 'req-2', instances: [instance({ state: 'running' })] });
    expect(responseDifferences(first, replay, profile)).toEqual([]);
  });

  it.each(PROFILES)('a different reservation, launch time or instance id is reported with its path (%s)', (profile) => {
    expect(responseDifferences(answer(), answer({ reservationId: 'r-0bbb' }), profile)).toEqual([{ path: '/reservationId', first: '"r-0aaa"', second: '"r-0bbb"' }]);
    expect(responseDifferences(answer(), answer({ instances: [instance({ launchTime: '2026-01-01T00:00:01.000Z' })] }), profile)).toEqual([
      { path: '/instancesSet/item[0]/launchTime', first: '"2026-01-01T00:00:00.000Z"', second: '"2026-01-01T00:00:01.000Z"' },
    ]);
    expect(responseDifferences(answer(), answer({ instances: [instance({ id: 'i-0bbb' })] }), profile)).toEqual([
      { path: '/instancesSet/item[0]/instanceId', first: '"i-0aaa"', second: '"i-0bbb"' },
    ]);
  });

  it('a field present on one side only is a difference, either way round', () => {
    const plain = answer();
    const extra = answer({ instances: [instance({ extra: '<hypervisor>xen</hypervisor>' })] });
    expect(responseDifferences(plain, extra, 'seed')).toEqual([{ path: '/instancesSet/item[0]/hypervisor', first: '(absent)', second: '"xen"' }]);
    expect(responseDifferences(extra, plain, 'seed')).toEqual([{ path: '/instancesSet/item[0]/hypervisor', first: '"xen"', second: '(absent)' }]);
    expect(responseDifferences(plain, answer({ instances: [instance(), instance({ id: 'i-0ccc' })] }), 'seed').map((d) => d.path)).toEqual(['/instancesSet/item[1]']);
  });

  it('absent, an empty element and an empty list all mean no value', () => {
    const absent = answer({ groupSet: '' });
    const selfClosed = answer({ groupSet: '<groupSet/>' });
    const openClose = answer({ groupSet: '<groupSet></groupSet>' });
    expect(responseDifferences(absent, selfClosed, 'strict')).toEqual([]);
    expect(responseDifferences(selfClosed, openClose, 'strict')).toEqual([]);
    const emptyList: Ok = { ...absent, body: { ...(absent.body as object), groupSet: [] } };
    expect(responseDifferences(emptyList, selfClosed, 'strict')).toEqual([]);
    expect(responseDifferences(absent, emptyList, 'strict')).toEqual([]);
    // …but a list with a member is a value.
    const oneGroup = answer({ groupSet: '<groupSet><item><groupId>sg-1</groupId></item></groupSet>' });
    expect(responseDifferences(absent, oneGroup, 'strict').map((d) => d.path)).toEqual(['/groupSet']);
  });

  it('the order of list items matters; the order of elements in a structure does not', () => {
    const ab = answer({ instances: [instance({ id: 'i-0aaa' }), instance({ id: 'i-0bbb' })] });
    const ba = answer({ instances: [instance({ id: 'i-0bbb' }), instance({ id: 'i-0aaa' })] });
    expect(responseDifferences(ab, ba, 'seed').map((d) => d.path)).toEqual(['/instancesSet/item[0]/instanceId', '/instancesSet/item[1]/instanceId']);
    const reordered = decode({
      kind: 'exchange',
      status: 200,
      headers: {},
      truncated: false,
      body: `<RunInstancesResponse><instancesSet>${instance()}</instancesSet><groupSet/><ownerId>111111111111</ownerId><reservationId>r-0aaa</reservationId><requestId>x</requestId></RunInstancesResponse>`,
    }) as Ok;
    expect(responseDifferences(answer(), reordered, 'strict')).toEqual([]);
  });

  it('dnsName may change under aws-current only', () => {
    const first = answer({ instances: [instance({ dnsName: '' })] });
    const later = answer({ instances: [instance({ dnsName: 'ec2-1-2-3-4.compute-1.amazonaws.com' })] });
    const expected = [{ path: '/instancesSet/item[0]/dnsName', first: '""', second: '"ec2-1-2-3-4.compute-1.amazonaws.com"' }];
    expect(responseDifferences(first, later, 'seed')).toEqual(expected);
    expect(responseDifferences(first, later, 'strict')).toEqual(expected);
    expect(responseDifferences(first, later, 'aws-current')).toEqual([]);
  });

  it('a different root element is a difference', () => {
    const other: Ok = { ...answer(), root: 'DescribeInstancesResponse' };
    expect(responseDifferences(answer(), other, 'seed')).toEqual([{ path: '(root element)', first: 'RunInstancesResponse', second: 'DescribeInstancesResponse' }]);
  });
});
