// Every seeded bug is live: a small scenario behaves correctly on the reference emulator and
// incorrectly with the bug switched on. (The suite proper proves its rules catch them; this only
// guards against a dead switch.)
import { describe, expect, it } from 'vitest';
import { BUGS } from '../../emulator/bugs.ts';
import type { BugName } from '../../emulator/bugs.ts';
import type { EmulatorOptions } from '../../emulator/options.ts';
import { RUN, claimedIdentity, fakeClock, inProcessEmulator, items } from './support/inProcess.ts';
import type { InProcessEmulator, Params } from './support/inProcess.ts';

interface Scenario {
  /** True when the emulator behaved correctly. */
  correct(emulator: InProcessEmulator): Promise<boolean>;
  options?: EmulatorOptions;
}

const TEMPLATE = { Action: 'CreateLaunchTemplate', LaunchTemplateName: 'tpl', 'LaunchTemplateData.ImageId': 'ami-12345678' };

/** The reservation a successful launch names; undefined when the launch failed or named none. */
async function reservationOf(emulator: InProcessEmulator, params: Params, headers?: Record<string, string>): Promise<string | undefined> {
  const answer = await emulator.call({ ...RUN, ...params }, { headers });
  return answer.status === 200 && items(answer.body.instancesSet).length > 0 ? answer.body.reservationId : undefined;
}

async function launches(emulator: InProcessEmulator): Promise<number> {
  return emulator.handler.stats().launches;
}

/** Two calls that must give two launches. */
function separate(first: Params, second: Params, secondHeaders?: Record<string, string>): Scenario {
  return {
    correct: async (emulator) => {
      const a = await reservationOf(emulator, first);
      const b = await reservationOf(emulator, second, secondHeaders);
      return a !== undefined && b !== undefined && a !== b;
    },
  };
}

/** Two calls with one token that must replay (one reservation). */
function replays(first: Params, second: Params, options: { method?: 'GET' | 'POST'; headers?: [Record<string, string>, Record<string, string>] } = {}): Scenario {
  return {
    correct: async (emulator) => {
      const a = (await emulator.call({ ...RUN, ...first, ClientToken: 'T' }, { headers: options.headers?.[0] })).body.reservationId;
      const b = (await emulator.call({ ...RUN, ...second, ClientToken: 'T' }, { method: options.method, headers: options.headers?.[1] })).body;
      return a !== undefined && b.reservationId === a;
    },
  };
}

/** A changed parameter under one token must be refused. */
function mismatches(change: Params): Scenario {
  return {
    correct: async (emulator) => {
      await emulator.call({ ...RUN, ClientToken: 'T' });
      const answer = await emulator.call({ ...RUN, ...change, ClientToken: 'T' });
      return answer.status === 400 && answer.code === 'IdempotentParameterMismatch' && (await launches(emulator)) === 1;
    },
  };
}

function statusOf(params: Params, expected: number): Scenario {
  return { correct: async (emulator) => (await emulator.call({ ...RUN, ...params })).status === expected };
}

const afterTermination: Scenario = {
  correct: async (emulator) => {
    const first = await emulator.call({ ...RUN, ClientToken: 'T' });
    const terminated = await emulator.call({ Action: 'TerminateInstances', 'InstanceId.1': items(first.body.instancesSet)[0].instanceId });
    const again = await reservationOf(emulator, { ClientToken: 'T' });
    return terminated.status === 200 && again !== undefined && again === first.body.reservationId && (await launches(emulator)) === 1;
  },
};

/** Changed parameters under a retired token (terminated instances, deleted template) must still be refused. */
const changedAfterRetirement: Scenario = {
  correct: async (e) => {
    const first = await e.call({ ...RUN, InstanceType: 't3.micro', ClientToken: 'T' });
    const instanceId = items(first.body.instancesSet)[0]?.instanceId;
    const terminated = await e.call({ Action: 'TerminateInstances', 'InstanceId.1': instanceId });
    const exact = await reservationOf(e, { InstanceType: 't3.micro', ClientToken: 'T' });
    const changed = await e.call({ ...RUN, InstanceType: 'm5.large', ClientToken: 'T' });
    const template = await e.call({ ...TEMPLATE, ClientToken: 'L' });
    const deleted = await e.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: template.body.launchTemplate?.launchTemplateId });
    const changedTemplate = await e.call({ ...TEMPLATE, 'LaunchTemplateData.InstanceType': 'm5.large', ClientToken: 'L' });
    return (
      typeof instanceId === 'string' &&
      terminated.status === 200 &&
      exact === first.body.reservationId &&
      changed.code === 'IdempotentParameterMismatch' &&
      deleted.status === 200 &&
      changedTemplate.code === 'IdempotentParameterMismatch' &&
      (await launches(e)) === 1
    );
  },
};

/** How often `action` created (replays excluded). */
function creates(emulator: InProcessEmulator, action: string): number {
  return emulator.handler.stats().creates[action] ?? 0;
}

/** Whether a create with a `length`-character token succeeds. */
async function acceptsToken(emulator: InProcessEmulator, params: Params, length: number): Promise<boolean> {
  return (await emulator.call({ ...params, ClientToken: 't'.repeat(length) })).status === 200;
}

const VOLUME = { Action: 'CreateVolume', AvailabilityZone: 'us-east-1a', Size: 8 };
const MIRROR_RULE = { Action: 'CreateTrafficMirrorFilterRule', TrafficDirection: 'ingress', RuleNumber: 1, RuleAction: 'accept', DestinationCidrBlock: '0.0.0.0/0', SourceCidrBlock: '0.0.0.0/0' };
const PREFIX_LIST = { Action: 'CreateManagedPrefixList', PrefixListName: 'pl', MaxEntries: 1, AddressFamily: 'IPv4' };

async function defaultSubnet(emulator: InProcessEmulator): Promise<string> {
  const described = await emulator.call({ Action: 'DescribeSubnets', 'Filter.1.Name': 'default-for-az', 'Filter.1.Value.1': 'true' });
  return items(described.body.subnetSet)[0]?.subnetId ?? '';
}

async function newVpc(emulator: InProcessEmulator, cidr = '10.0.0.0/16'): Promise<string> {
  return (await emulator.call({ Action: 'CreateVpc', CidrBlock: cidr })).body.vpc?.vpcId ?? '';
}

async function defaultVpc(emulator: InProcessEmulator): Promise<string> {
  const described = await emulator.call({ Action: 'DescribeVpcs', 'Filter.1.Name': 'is-default', 'Filter.1.Value.1': 'true' });
  return items(described.body.vpcSet)[0]?.vpcId ?? '';
}

async function templateId(emulator: InProcessEmulator): Promise<string | undefined> {
  return (await emulator.call(TEMPLATE)).body.launchTemplate?.launchTemplateId;
}

const RETENTION_CLOCK = fakeClock();

const tags = (value: string): Params => ({ 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'k', 'TagSpecification.1.Tag.1.Value': value });

const SCENARIOS: Record<BugName, Scenario> = {
  'token-case-insensitive': separate({ ClientToken: 'Tok' }, { ClientToken: 'tok' }),
  'token-trimmed': { correct: async (e) => items((await e.call({ ...RUN, ClientToken: ' t ' })).body.instancesSet)[0].clientToken === ' t ' },
  'token-truncated-32': separate({ ClientToken: `${'x'.repeat(32)}a` }, { ClientToken: `${'x'.repeat(32)}b` }),
  'token-limit-63': statusOf({ ClientToken: 'x'.repeat(64) }, 200),
  'token-limit-65': statusOf({ ClientToken: 'x'.repeat(65) }, 400),
  'token-non-ascii-accepted': statusOf({ ClientToken: 'jeton-é' }, 400),
  'token-percent-decoded': {
    correct: async (e) => {
      const echoed = items((await e.call({ ...RUN, ClientToken: 'ab%41c' })).body.instancesSet)[0]?.clientToken;
      return echoed === 'ab%41c' && (await separate({ ClientToken: 'ab%41d' }, { ClientToken: 'abAd' }).correct(e));
    },
  },
  'scope-ignores-region': separate({ ClientToken: 'T' }, { ClientToken: 'T' }, claimedIdentity('AKIDANY', 'us-west-2')),
  'scope-ignores-account': separate({ ClientToken: 'T' }, { ClientToken: 'T' }, claimedIdentity('111122223333', 'us-east-1')),
  'scope-ignores-action': {
    correct: async (e) => (await e.call({ ...RUN, ClientToken: 'T' })).status === 200 && (await e.call({ ...TEMPLATE, ClientToken: 'T' })).status === 200,
  },
  'cross-account-replay': {
    correct: async (e) => {
      const a = await reservationOf(e, { ClientToken: 'T' }, claimedIdentity('111122223333', 'us-east-1'));
      const b = await reservationOf(e, { ClientToken: 'T' }, claimedIdentity('222233334444', 'us-east-1'));
      return a !== undefined && b !== undefined && a !== b;
    },
  },
  'fingerprint-ignores-userdata': mismatches({ UserData: 'b3RoZXI=' }),
  'fingerprint-ignores-tags': mismatches(tags('other')),
  'fingerprint-ignores-instance-type': mismatches({ InstanceType: 'm5.large' }),
  'fingerprint-order-dependent': replays({ KeyName: 'k', InstanceType: 't3.micro' }, { InstanceType: 't3.micro', KeyName: 'k' }),
  'fingerprint-includes-method': replays({}, {}, { method: 'GET' }),
  'fingerprint-includes-signing': replays({}, {}, { headers: [claimedIdentity('AKIDANY', 'us-east-1', 'a'.repeat(64)), claimedIdentity('AKIDANY', 'us-east-1', 'b'.repeat(64))] }),
  'mismatch-wrong-code': mismatches({ KeyName: 'other' }),
  'mismatch-status-500': mismatches({ KeyName: 'other' }),
  'mismatch-still-launches': mismatches({ KeyName: 'other' }),
  'replay-new-reservation-id': replays({}, {}),
  'tokens-ignored': {
    correct: async (e) => {
      const a = await reservationOf(e, { ClientToken: 'T' });
      const b = await reservationOf(e, { ClientToken: 'T' });
      return a !== undefined && a === b && (await launches(e)) === 1;
    },
  },
  'replay-new-launch-time': {
    correct: async (e) => {
      const first = items((await e.call({ ...RUN, ClientToken: 'T' })).body.instancesSet)[0].launchTime;
      return items((await e.call({ ...RUN, ClientToken: 'T' })).body.instancesSet)[0].launchTime === first;
    },
  },
  'replay-fewer-instances': {
    correct: async (e) => {
      await e.call({ ...RUN, MaxCount: 2, ClientToken: 'T' });
      return items((await e.call({ ...RUN, MaxCount: 2, ClientToken: 'T' })).body.instancesSet).length === 2;
    },
  },
  'replay-launches-again': { correct: async (e) => (await replays({}, {}).correct(e)) && (await launches(e)) === 1 },
  'forget-after-terminate': afterTermination,
  'terminated-replay-launches-new': afterTermination,
  'mismatch-off-after-terminate': changedAfterRetirement,
  'token-store-keeps-32': {
    correct: async (e) => {
      const first = await reservationOf(e, { ClientToken: 'tok-0' });
      for (let n = 1; n < 40; n += 1) await e.call({ ...RUN, ClientToken: `tok-${n}` });
      const again = await reservationOf(e, { ClientToken: 'tok-0' });
      return first !== undefined && again === first && (await launches(e)) === 40;
    },
  },
  'token-forgotten-after-3s': {
    options: { clock: RETENTION_CLOCK },
    correct: async (e) => {
      const first = await reservationOf(e, { ClientToken: 'T' });
      RETENTION_CLOCK.advance(1000);
      const soon = await reservationOf(e, { ClientToken: 'T' });
      RETENTION_CLOCK.advance(3000);
      const later = await reservationOf(e, { ClientToken: 'T' });
      return first !== undefined && soon === first && later === first && (await launches(e)) === 1;
    },
  },
  'check-then-act-race': {
    correct: async (e) => {
      const answers = await Promise.all([1, 2, 3].map(() => e.call({ ...RUN, ClientToken: 'T' })));
      const reservations = new Set(answers.map((answer) => (answer.status === 200 ? answer.body.reservationId : undefined)));
      const [only] = reservations;
      return answers.length === 3 && reservations.size === 1 && only !== undefined && (await launches(e)) === 1;
    },
  },
  'mixed-race-both-launch': {
    options: { faults: { criticalSectionLatencyMs: 50 } },
    correct: async (e) => {
      const answers = await Promise.all(['t3.micro', 'm5.large'].map((type) => e.call({ ...RUN, InstanceType: type, ClientToken: 'T' })));
      const codes = answers.map((answer) => answer.code ?? answer.status).sort();
      return codes.join() === '200,IdempotentParameterMismatch' && (await launches(e)) === 1;
    },
  },
  'commit-500-forgets-token': {
    options: { faults: { commitThen500Rate: 1 } },
    correct: async (e) => (await e.call({ ...RUN, ClientToken: 'T' })).status === 500 && (await e.call({ ...RUN, ClientToken: 'T' })).status === 200,
  },
  'dryrun-consumes-token': {
    correct: async (e) => (await e.call({ ...RUN, ClientToken: 'T', DryRun: true })).status === 412 && (await e.call({ ...RUN, ClientToken: 'T' })).status === 200,
  },
  'dryrun-wrong-status': statusOf({ ClientToken: 'T', DryRun: true }, 412),
  'describe-token-missing': {
    correct: async (e) => {
      await e.call({ ...RUN, ClientToken: 'T' });
      const described = await e.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'T' });
      return items(items(described.body.reservationSet)[0].instancesSet)[0].clientToken === 'T';
    },
  },
  'run-token-missing': { correct: async (e) => items((await e.call({ ...RUN, ClientToken: 'T' })).body.instancesSet)[0].clientToken === 'T' },
  'client-token-filter-ignored': {
    correct: async (e) => {
      const wanted = await reservationOf(e, { ClientToken: 'T1' });
      await e.call({ ...RUN, ClientToken: 'T2' });
      const described = await e.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'T1' });
      const found = items(described.body.reservationSet).map((reservation) => reservation.reservationId);
      return wanted !== undefined && found.length === 1 && found[0] === wanted;
    },
  },
  'flaky-400': statusOf({ ClientToken: 'T' }, 200),
  'throttle-as-400': { options: { faults: { throttleRate: 1 } }, correct: async (e) => (await e.call(RUN)).status === 503 },
  'unsupported-everything': {
    correct: async (e) => (await reservationOf(e, { ClientToken: 'T' })) !== undefined && (await e.call({ ...TEMPLATE, ClientToken: 'T' })).body.launchTemplate !== undefined,
  },
  'creates-nothing': {
    correct: async (e) => (await reservationOf(e, { ClientToken: 'T' })) !== undefined && (await launches(e)) === 1,
  },
  'truncated-answers': {
    correct: async (e) => (await e.send({ ...RUN, ClientToken: 'T' })).body.trimEnd().endsWith('</RunInstancesResponse>'),
  },
  'lt-version-replay-new-version': {
    correct: async (e) => {
      const create = { Action: 'CreateLaunchTemplateVersion', LaunchTemplateId: (await templateId(e)) ?? '', 'LaunchTemplateData.KeyName': 'k', ClientToken: 'V' };
      const first = (await e.call(create)).body.launchTemplateVersion?.versionNumber;
      const again = (await e.call(create)).body.launchTemplateVersion?.versionNumber;
      return first === '2' && again === '2' && creates(e, 'CreateLaunchTemplateVersion') === 1;
    },
  },
  'volume-token-limit-255': {
    correct: async (e) => (await acceptsToken(e, VOLUME, 64)) && !(await acceptsToken(e, VOLUME, 65)) && !(await acceptsToken(e, VOLUME, 255)),
  },
  'eni-replay-after-delete-creates': {
    correct: async (e) => {
      const create = { Action: 'CreateNetworkInterface', SubnetId: await defaultSubnet(e), ClientToken: 'N' };
      const first = (await e.call(create)).body.networkInterface?.networkInterfaceId;
      const deleted = await e.call({ Action: 'DeleteNetworkInterface', NetworkInterfaceId: first });
      const again = (await e.call(create)).body.networkInterface?.networkInterfaceId;
      return deleted.status === 200 && again === first && creates(e, 'CreateNetworkInterface') === 1;
    },
  },
  'route-table-token-not-echoed': {
    correct: async (e) => {
      const create = { Action: 'CreateRouteTable', VpcId: await newVpc(e), ClientToken: ' route table token ' };
      return (await e.call(create)).body.clientToken === ' route table token ' && (await e.call(create)).body.clientToken === ' route table token ';
    },
  },
  'nacl-fingerprint-ignores-tags': {
    correct: async (e) => {
      const vpcId = await newVpc(e);
      const tagged = (value: string) => ({ 'TagSpecification.1.ResourceType': 'network-acl', 'TagSpecification.1.Tag.1.Key': 'k', 'TagSpecification.1.Tag.1.Value': value });
      await e.call({ Action: 'CreateNetworkAcl', VpcId: vpcId, ClientToken: 'A', ...tagged('one') });
      const other = await e.call({ Action: 'CreateNetworkAcl', VpcId: vpcId, ClientToken: 'A', ...tagged('two') });
      return other.code === 'IdempotentParameterMismatch' && creates(e, 'CreateNetworkAcl') === 1;
    },
  },
  'eigw-mismatch-wrong-code': {
    correct: async (e) => {
      const vpcId = await newVpc(e);
      await e.call({ Action: 'CreateEgressOnlyInternetGateway', VpcId: vpcId, ClientToken: 'G' });
      const tagged = { 'TagSpecification.1.ResourceType': 'egress-only-internet-gateway', 'TagSpecification.1.Tag.1.Key': 'k', 'TagSpecification.1.Tag.1.Value': 'v' };
      const changed = await e.call({ Action: 'CreateEgressOnlyInternetGateway', VpcId: vpcId, ...tagged, ClientToken: 'G' });
      return changed.status === 400 && changed.code === 'IdempotentParameterMismatch';
    },
  },
  'prefix-list-token-limit-64': {
    correct: async (e) => (await acceptsToken(e, PREFIX_LIST, 65)) && (await acceptsToken(e, PREFIX_LIST, 255)) && !(await acceptsToken(e, PREFIX_LIST, 256)),
  },
  'tmf-scope-ignores-region': {
    correct: async (e) => {
      const filterIn = async (region: string) =>
        (await e.call({ Action: 'CreateTrafficMirrorFilter', ClientToken: 'F' }, { headers: claimedIdentity('AKIDANY', region) })).body.trafficMirrorFilter?.trafficMirrorFilterId;
      const east = await filterIn('us-east-1');
      const west = await filterIn('us-west-2');
      return east !== undefined && west !== undefined && east !== west;
    },
  },
  'tmfr-mismatch-still-creates': {
    correct: async (e) => {
      const filterId = (await e.call({ Action: 'CreateTrafficMirrorFilter' })).body.trafficMirrorFilter?.trafficMirrorFilterId;
      const rule = { ...MIRROR_RULE, TrafficMirrorFilterId: filterId, ClientToken: 'R' };
      await e.call(rule);
      const changed = await e.call({ ...rule, RuleNumber: 2 });
      const rules = items((await e.call({ Action: 'DescribeTrafficMirrorFilterRules' })).body.trafficMirrorFilterRuleSet);
      return changed.code === 'IdempotentParameterMismatch' && rules.length === 1;
    },
  },
  'vpce-concurrent-duplicates': {
    options: { faults: { criticalSectionLatencyMs: 50 } },
    correct: async (e) => {
      const create = { Action: 'CreateVpcEndpoint', VpcId: await defaultVpc(e), ServiceName: 'com.amazonaws.us-east-1.s3', ClientToken: 'E' };
      const answers = await Promise.all([1, 2, 3].map(() => e.call(create)));
      const endpoints = new Set(answers.map((answer) => answer.body.vpcEndpoint?.vpcEndpointId));
      return endpoints.size === 1 && !endpoints.has(undefined) && creates(e, 'CreateVpcEndpoint') === 1;
    },
  },
  'natgw-replay-after-delete-creates': {
    correct: async (e) => {
      const create = { Action: 'CreateNatGateway', SubnetId: await defaultSubnet(e), ConnectivityType: 'private', ClientToken: 'N' };
      const first = (await e.call(create)).body.natGateway?.natGatewayId;
      const deleted = await e.call({ Action: 'DeleteNatGateway', NatGatewayId: first });
      const again = (await e.call(create)).body.natGateway?.natGatewayId;
      return deleted.status === 200 && first !== undefined && again === first && creates(e, 'CreateNatGateway') === 1;
    },
  },
};

describe('seeded bugs are live', () => {
  it.each(Object.keys(BUGS) as BugName[])('%s: the reference behaves, the bug misbehaves', async (bug) => {
    const scenario = SCENARIOS[bug];
    expect(await scenario.correct(inProcessEmulator({ ...scenario.options }))).toBe(true);
    expect(await scenario.correct(inProcessEmulator({ ...scenario.options, bug }))).toBe(false);
  });
});
