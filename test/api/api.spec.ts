// The public API, from api/*.ts only, each export exercised as a vendor would use it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  ALL_PROFILES,
  checkPlugins,
  defineAction,
  definePlugin,
  defineProfile,
  defineRule,
  loadPlugin,
  PluginError,
  pluginRuleProblems,
  REPORT_SCHEMA_VERSION,
  runConformance,
  simpleAction,
  type Plugin,
} from '../../api/index.ts';
import { createEmulatorHandler, startEmulator } from '../../api/emulator.ts';
import * as generators from '../../api/generators.ts';
import { createCarrierGateway, createCarrierGatewayAction, gatewayPlugin, REFERENCE, sameIdRule } from './support/gatewayPlugin.ts';

const { fc } = generators;

describe('the define* helpers', () => {
  it('return what they are given (they exist for the type check)', () => {
    expect(defineAction(createCarrierGateway)).toBe(createCarrierGateway);
    expect(defineRule(sameIdRule)).toBe(sameIdRule);
    const profile = { name: 'gateway-lenient', description: 'seed, without GW-SAME-ID', base: 'seed', excludes: ['GW-SAME-ID'] } as const;
    expect(defineProfile(profile)).toBe(profile);
    expect(definePlugin(gatewayPlugin)).toBe(gatewayPlugin);
  });

  it('simpleAction builds a whole adapter from a short spec', () => {
    expect(createCarrierGateway).toMatchObject({ name: 'CreateCarrierGateway', tokenLimit: 64, deleteAction: 'DeleteCarrierGateway', needs: ['vpc'] });
    const call = createCarrierGateway.toCall({ Options: {}, Tags: [], Place: { VpcId: 'vpc-1' } }, 'tok', { runId: 'r', testId: 't', caseId: 'c' });
    expect(call.params).toMatchObject({ VpcId: 'vpc-1', ClientToken: 'tok' });
    expect(simpleAction).toBeTypeOf('function');
  });
});

describe('checking plugins as they load', () => {
  it('a sound plugin passes, with nothing replaced', () => {
    expect(checkPlugins([gatewayPlugin])).toEqual([]);
    expect(pluginRuleProblems(gatewayPlugin, sameIdRule, { profiles: ALL_PROFILES })).toEqual([]);
  });

  it.each([
    ['a description on two lines', { description: 'one\ntwo' }, /plugin test-gateways: rule GW-SAME-ID: description: description spans more than one line/],
    ['a section no reference page has', { source: { ref: 'REF-NOWHERE', link: 'https://docs.example.com/gateways/idempotency' } }, /rule GW-SAME-ID: source: reference REF-NOWHERE is not a section of docs\/reference\.md or the plugin's reference/],
    ['a link the section does not cite', { source: { ref: 'REF-GW-SAME-ID', link: 'https://docs.example.com/other' } }, /rule GW-SAME-ID: source: link https:\/\/docs\.example\.com\/other is not cited in section REF-GW-SAME-ID/],
    ['an unknown capability', { requires: ['time-travel'] }, /rule GW-SAME-ID: requires: unknown capability time-travel/],
    ['an unknown profile', { profiles: ['lenient'] }, /rule GW-SAME-ID: profiles: unknown profile lenient/],
    ['a lower-case id', { id: 'gw-same-id' }, /rule gw-same-id: id: "gw-same-id" is not upper-case words/],
  ])('a rule with %s is refused, naming the plugin, the rule and the field', (_what, change, message) => {
    const bad: Plugin = { ...gatewayPlugin, rules: [{ ...sameIdRule, ...change } as typeof sameIdRule] };
    expect(() => checkPlugins([bad])).toThrow(PluginError);
    expect(() => checkPlugins([bad])).toThrow(message);
  });

  it('a plugin profile a rule names is known to the check', () => {
    const profile = defineProfile({ name: 'gateway-only', description: 'x', base: 'strict' });
    const plugin: Plugin = { ...gatewayPlugin, profiles: [profile], rules: [{ ...sameIdRule, profiles: ['gateway-only'] }] };
    expect(checkPlugins([plugin])).toEqual([]);
  });

  it('replacing a built-in rule, action or emulator action is an error unless allowed, and then it is recorded', () => {
    const rule: Plugin = { name: 'p', version: '1', rules: [{ ...sameIdRule, id: 'SAME-RESPONSE', source: { ref: 'REF-REPLAY', link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html' } }] };
    expect(() => checkPlugins([rule])).toThrow(/plugin p: rule SAME-RESPONSE: the core already defines rule SAME-RESPONSE; pass --allow-override/);
    expect(checkPlugins([rule], { allowOverride: true })).toEqual(['rule SAME-RESPONSE (p replaces the core)']);
    const action: Plugin = { name: 'q', version: '1', actions: [{ ...createCarrierGateway, name: 'RunInstances' }] };
    expect(() => checkPlugins([action])).toThrow(/plugin q: action RunInstances: the core already defines action RunInstances/);
    const served: Plugin = { name: 'r', version: '1', emulatorActions: { RunInstances: createCarrierGatewayAction } };
    expect(() => checkPlugins([served])).toThrow(/plugin r: emulator action RunInstances/);
    expect(() => checkPlugins([gatewayPlugin, { ...gatewayPlugin }])).toThrow(/two plugins of that name/);
  });

  it('the reference page a plugin brings is where its rules may point', () => {
    const { reference: _reference, ...withoutPage } = gatewayPlugin;
    expect(() => checkPlugins([withoutPage])).toThrow(/rule GW-SAME-ID: source: reference REF-GW-SAME-ID is not a section of docs\/reference\.md/);
    // A plugin rule may also rest on a section of the project's own page.
    const builtInSource = { ...sameIdRule, source: { ref: 'REF-REPLAY', link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html' } };
    expect(checkPlugins([{ ...withoutPage, rules: [builtInSource] }])).toEqual([]);
  });
});

describe('loadPlugin: what --plugin and a target file do', () => {
  it('imports a module by path and takes its default export', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ec2idem-plugin-'));
    await writeFile(join(dir, 'p.mjs'), "export default { name: 'from-file', version: '2.0.0' };\n");
    await writeFile(join(dir, 'none.mjs'), 'export const x = 1;\n');
    const loaded = await loadPlugin('./p.mjs', dir);
    expect(loaded).toEqual({ plugin: { name: 'from-file', version: '2.0.0' }, source: './p.mjs' });
    await expect(loadPlugin('./none.mjs', dir)).rejects.toThrow(/plugin \.\/none\.mjs: default export: is not a plugin/);
    await expect(loadPlugin('./missing.mjs', dir)).rejects.toThrow(/plugin \.\/missing\.mjs: module: cannot be loaded/);
    await expect(loadPlugin('no-such-package-ec2idem', dir)).rejects.toThrow(PluginError);
  });
});

async function ec2(url: string, params: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ Version: '2016-11-15', ...params }).toString() });
  return { status: response.status, text: await response.text() };
}

describe('the emulator entry points serve plugin actions through the idempotency layer', () => {
  it('startEmulator: a replay answers the first answer, changed parameters are a mismatch, a dry run binds nothing', async () => {
    const emulator = await startEmulator({ regions: ['us-east-1'] }, { plugins: [gatewayPlugin] });
    try {
      const create = { Action: 'CreateCarrierGateway', VpcId: 'vpc-1', ClientToken: 'tok-1', Description: 'a' };
      const dry = await ec2(emulator.url, { ...create, DryRun: 'true' });
      expect(dry.status).toBe(412);
      const first = await ec2(emulator.url, create);
      expect(first.status).toBe(200);
      const id = /<carrierGatewayId>(cagw-\d+)<\/carrierGatewayId>/.exec(first.text)?.[1];
      expect(id).toBeDefined();
      const replay = await ec2(emulator.url, create);
      expect(replay.text).toContain(`<carrierGatewayId>${id}</carrierGatewayId>`);
      const changed = await ec2(emulator.url, { ...create, Description: 'b' });
      expect([changed.status, /<Code>(\w+)<\/Code>/.exec(changed.text)?.[1]]).toEqual([400, 'IdempotentParameterMismatch']);
      const listed = await ec2(emulator.url, { Action: 'DescribeCarrierGateways' });
      expect(listed.text.match(/<carrierGatewayId>/g)).toHaveLength(1);
      expect(emulator.stats().replays).toBeGreaterThanOrEqual(1);
    } finally {
      await emulator.close();
    }
  });

  it('createEmulatorHandler: the same handling in process; a plugin cannot shadow a built-in action unless allowed', async () => {
    const handler = createEmulatorHandler({ regions: ['us-east-1'] }, { plugins: [gatewayPlugin] });
    expect(handler.listener).toBeTypeOf('function');
    const body = new URLSearchParams({ Action: 'CreateCarrierGateway', Version: '2016-11-15', VpcId: 'vpc-1', ClientToken: 'x'.repeat(65) }).toString();
    const answer = await handler.handle({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost' }, body: Buffer.from(body), bodyTooLarge: false });
    expect(answer.status).toBe(400);
    const shadow: Plugin = { name: 's', version: '1', emulatorActions: { RunInstances: createCarrierGatewayAction } };
    expect(() => createEmulatorHandler({}, { plugins: [shadow] })).toThrow(/plugin s: emulator action RunInstances/);
    expect(() => createEmulatorHandler({}, { plugins: [shadow], allowOverride: true })).not.toThrow();
  });
});

describe('runConformance', () => {
  it('runs a plugin action and rule on the embedded emulator and returns the report, printing nothing', async () => {
    const printed: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (printed.push(String(chunk)), done()) });
    const { report, exitCode, reportDir } = await runConformance({ plugins: [gatewayPlugin], actions: ['CreateCarrierGateway'], only: ['SAME-RESPONSE', 'GW-SAME-ID'], runs: 5, seed: 7 });
    expect(exitCode).toBe(0);
    expect(reportDir).toMatch(/ec2-idem-/);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.plugins).toEqual([{ name: 'test-gateways', version: '0.0.1', actions: ['CreateCarrierGateway'], rules: ['GW-SAME-ID'] }]);
    expect(report.rules.map((r) => [r.rule, r.action, r.status])).toEqual([
      ['SAME-RESPONSE', 'CreateCarrierGateway', 'passed'],
      ['GW-SAME-ID', 'CreateCarrierGateway', 'passed'],
    ]);
    const again = await runConformance({ plugins: [gatewayPlugin], actions: ['CreateCarrierGateway'], only: ['GW-SAME-ID'], runs: 5, print: sink });
    expect(again.exitCode).toBe(0);
    expect(printed.join('')).toMatch(/GW-SAME-ID CreateCarrierGateway/);
  });

  it('a plugin profile runs the rules it selects and behaves as its base', async () => {
    const profile = defineProfile({ name: 'gateway-lenient', description: 'seed, without GW-SAME-ID', base: 'seed', excludes: ['GW-SAME-ID'] });
    const { report } = await runConformance({ plugins: [{ ...gatewayPlugin, profiles: [profile] }], profile: 'gateway-lenient', actions: ['CreateCarrierGateway'], only: ['SAME-RESPONSE', 'GW-SAME-ID'], runs: 5 });
    expect(report.run.profile).toBe('gateway-lenient');
    expect(report.rules.map((r) => [r.rule, r.status])).toEqual([
      ['SAME-RESPONSE', 'passed'],
      ['GW-SAME-ID', 'not-applicable'],
    ]);
  });
});

describe('the generators', () => {
  it('every arbitrary draws values vendors can use in their own properties', () => {
    const sample = <T>(arbitrary: import('fast-check').Arbitrary<T>) => fc.sample(arbitrary, { numRuns: 5, seed: 1 });
    expect(sample(generators.clientToken({ maxLength: 64 })).every((t) => t.length >= 1 && t.length <= 64)).toBe(true);
    expect(sample(generators.hostileToken({ minLength: 20, maxLength: 40 })).every((t) => t.length >= 20 && t.length <= 40)).toBe(true);
    expect(sample(generators.tags())).toHaveLength(5);
    expect(sample(generators.runInstancesParams({ imageIds: ['ami-1'], instanceTypes: ['t3.micro'], maxInstances: 2 }))).toHaveLength(5);
    expect(sample(generators.launchTemplateParams({ imageIds: ['ami-1'], instanceTypes: ['t3.micro'] } as never))).toHaveLength(5);
    expect(sample(generators.resourceParams([{ name: 'Size', values: ['1', '2'] }]))).toHaveLength(5);
    expect(sample(generators.faultPlan())).toHaveLength(5);
    expect(sample(generators.encodingVariant())).toHaveLength(5);
    expect(sample(generators.regionPair(['a', 'b']))).toEqual(expect.arrayContaining([expect.any(Array)]));
    expect(sample(generators.accountPair(['x', 'y'] as const))).toHaveLength(5);
    expect(sample(generators.tokenCorruption())).toHaveLength(5);
    expect(sample(generators.caseVariant())).toHaveLength(5);
    expect(sample(generators.userData())).toHaveLength(5);
    expect(generators.manglings('a%41 b')).toEqual(expect.arrayContaining(['aA b']));
  });
});
