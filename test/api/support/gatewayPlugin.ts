// A small plugin built from the public API alone, for the API's own tests: CreateCarrierGateway
// (client adapter and emulator action), one rule citing the plugin's own reference page.
import { ALL_PROFILES, defineAction, definePlugin, defineRule, expectCreated, expectOk, ids, simpleAction, violation, type Plugin } from '../../../api/index.ts';
import { Ec2Fault, matchesFilters, readFilters, readList, readTagSpecifications, regionState, requireString, stopIfDryRun, xmlList, type ActionHandler, type IdempotentAction, type RequestContext, type Tag } from '../../../api/emulator.ts';
import { fc } from '../../../api/generators.ts';

export const REFERENCE = `# Gateway Co.

## REF-GW-SAME-ID

checked: 2026-12-01

A replay names the gateway the first request made. Source: [Gateway Co. idempotency](https://docs.example.com/gateways/idempotency).
`;

export const createCarrierGateway = defineAction(
  simpleAction({
    name: 'CreateCarrierGateway',
    tokenInAnswer: false,
    resourceType: 'carrier-gateway',
    needs: ['vpc'],
    options: [{ name: 'Description', values: ['a', 'b', 'c'], optional: true }],
    placed: (place) => ({ VpcId: place.fixtures.vpcId ?? '' }),
    element: 'carrierGateway',
    idName: 'carrierGatewayId',
    describe: { action: 'DescribeCarrierGateways', list: 'carrierGatewaySet' },
    remove: (id) => ({ action: 'DeleteCarrierGateway', params: { CarrierGatewayId: id } }),
    notFoundCodes: ['InvalidCarrierGatewayID.NotFound'],
  }),
);

export const sameIdRule = defineRule({
  id: 'GW-SAME-ID',
  description: 'A replay names the gateway the first request made',
  source: { ref: 'REF-GW-SAME-ID', link: 'https://docs.example.com/gateways/idempotency' },
  strength: 'SHOULD',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) => fc.record({ params: h.params(), token: h.token() }),
  async check(h, { params, token }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const first = ids(expectCreated(h, await h.create(params, minted, context), 'first create'));
    const again = ids(h.action.created(expectOk(await h.create(params, minted, context), 'replay')));
    if (again[0] !== first[0]) violation(`the replay named ${again[0] ?? 'nothing'}, not ${first[0]}`);
  },
});

interface Gateway {
  readonly id: string;
  readonly vpcId: string;
  readonly description: string | undefined;
  readonly tags: readonly Tag[];
}

const gateways = (ctx: RequestContext) => regionState(ctx, 'test:carrier-gateways', () => new Map<string, Gateway>());
let next = 0;

const render = (g: Gateway) => ({ carrierGatewayId: g.id, vpcId: g.vpcId, state: 'available', description: g.description, tagSet: xmlList(g.tags.map((t) => ({ key: t.key, value: t.value }))) });

export const createCarrierGatewayAction: IdempotentAction<{ vpcId: string; description: string | undefined; tags: readonly Tag[] }> = {
  name: 'CreateCarrierGateway',
  tokenLimit: 64,
  validate: (ctx) => ({
    vpcId: requireString(ctx.params, 'VpcId'),
    description: ctx.params.get('Description'),
    tags: readTagSpecifications(ctx.params, 'TagSpecification', ['carrier-gateway']).get('carrier-gateway') ?? [],
  }),
  create(ctx, input) {
    next += 1;
    const gateway = { id: `cagw-${String(next).padStart(17, '0')}`, ...input };
    gateways(ctx).set(gateway.id, gateway);
    const answer = { carrierGateway: render(gateway) };
    return { render: () => answer, isRetired: () => !gateways(ctx).has(gateway.id) };
  },
};

const describeCarrierGateways: ActionHandler = (ctx) => {
  const wanted = readList(ctx.params, 'CarrierGatewayId');
  const filters = readFilters<Gateway>(ctx.params, { 'vpc-id': (g) => g.vpcId });
  stopIfDryRun(ctx);
  const found = [...gateways(ctx).values()].filter((g) => (wanted.length === 0 || wanted.includes(g.id)) && matchesFilters(g, filters, { 'vpc-id': (x) => x.vpcId }));
  return { carrierGatewaySet: xmlList(found.map(render)) };
};

const deleteCarrierGateway: ActionHandler = (ctx) => {
  const id = requireString(ctx.params, 'CarrierGatewayId');
  if (!gateways(ctx).delete(id)) throw new Ec2Fault('InvalidCarrierGatewayID.NotFound', `The carrier gateway ID '${id}' does not exist`);
  return { carrierGateway: { carrierGatewayId: id, state: 'deleted' } };
};

export const gatewayPlugin: Plugin = definePlugin({
  name: 'test-gateways',
  version: '0.0.1',
  actions: [createCarrierGateway],
  rules: [sameIdRule],
  emulatorActions: { CreateCarrierGateway: createCarrierGatewayAction, DescribeCarrierGateways: describeCarrierGateways, DeleteCarrierGateway: deleteCarrierGateway },
  reference: REFERENCE,
});
