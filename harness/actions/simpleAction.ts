import { resourceChange, resourceParams, applyResourceChange, type OptionSpec, type ResourceParams } from '../../generators/resourceParams.ts';
import { field, text } from '../decode.ts';
import type { Call, QueryValue } from '../encode.ts';
import type { FixtureKind } from '../fixtures/fixtureKinds.ts';
import type { Ok, XmlNode } from '../outcome.ts';
import type { ActionName } from '../target.ts';
import { items } from '../decode.ts';
import { suiteTags, type ActionAdapter, type CaseContext, type ObservedResource, type Place } from './action.ts';
import { describeCall, nextTokenOf } from './describeCall.ts';
import { tagsOf } from './tagsOf.ts';

/** A create's parameters once placed: its free parameters and what the place supplies (a VPC id, a zone). */
export type PlacedParams = ResourceParams & { readonly Place?: Readonly<Record<string, QueryValue>> };

/**
 * Everything that differs between the VPC-side creates (a route table, a volume, an endpoint …):
 * names on the wire, what the place supplies, what may change, where the answer names the resource,
 * and how it is listed and deleted. The facts behind each are in docs/reference.md.
 */
export interface SimpleActionSpec {
  readonly name: ActionName;
  /** Longest valid token (the API reference's limit; 64 when it states none). @defaultValue 64 */
  readonly tokenLimit?: number;
  /** The create's answer carries `clientToken` (the API returns it). */
  readonly tokenInAnswer: boolean;
  /** `TagSpecification.1.ResourceType`. */
  readonly resourceType: string;
  readonly needs: readonly FixtureKind[];
  /** Parameters that may change between requests (each change a different request). */
  readonly options: readonly OptionSpec[];
  /** Parameters the place supplies, and ones that never change. */
  readonly placed: (place: Place, context?: CaseContext) => Readonly<Record<string, QueryValue>>;
  /** The element of the answer holding the resource; undefined: the answer's top level (CreateVolume). */
  readonly element?: string;
  readonly idName: string;
  readonly describe: { readonly action: string; readonly list: string };
  readonly remove: (id: string) => Call;
  readonly notFoundCodes: readonly string[];
  /** States in which the resource no longer counts as alive. @defaultValue none */
  readonly goneStates?: readonly string[];
  /** The element naming its state. @defaultValue 'state' */
  readonly stateName?: string;
}

function resourceOf(node: XmlNode, spec: SimpleActionSpec, clientToken?: string): ObservedResource {
  return { id: text(node, spec.idName) ?? '', state: text(node, spec.stateName ?? 'state'), tags: tagsOf(node), ...(clientToken === undefined ? {} : { clientToken }) };
}

/** An action adapter built from its spec: one generic shape for the creates that only need a place. */
export function simpleAction(spec: SimpleActionSpec): ActionAdapter<PlacedParams> {
  return {
    name: spec.name,
    tokenLimit: spec.tokenLimit ?? 64,
    echoesToken: false,
    tokenInAnswer: spec.tokenInAnswer,
    needs: spec.needs,
    deleteAction: spec.remove('x').action,
    notFoundCodes: spec.notFoundCodes,
    params: () => resourceParams(spec.options),
    change: () => resourceChange(spec.options),
    applyChange: (params, change) => ({ ...applyResourceChange(params, change, spec.options), ...(params.Place ? { Place: params.Place } : {}) }),
    localize: (params, place) => ({ ...params, Place: spec.placed(place) }),
    toCall(params, token, context, options = {}) {
      return {
        action: spec.name,
        params: {
          ...params.Place,
          ...params.Options,
          TagSpecification: [{ ResourceType: spec.resourceType, Tag: [...params.Tags, ...suiteTags(context)] }],
          ClientToken: token,
          DryRun: options.dryRun ? true : undefined,
        },
      };
    },
    resourcesPerCreate: () => 1,
    created(answer: Ok) {
      const node = spec.element === undefined ? answer.body : field(answer.body, spec.element);
      if (node === undefined || typeof node === 'string' || Array.isArray(node)) return [];
      const resource = resourceOf(node as XmlNode, spec, spec.tokenInAnswer ? text(answer.body, 'clientToken') : undefined);
      return resource.id === '' ? [] : [resource];
    },
    findByTag: (key, value, nextToken) => describeCall(spec.describe.action, [{ Name: `tag:${key}`, Value: [value] }], nextToken),
    observed(answer) {
      const resources = items(answer.body, spec.describe.list).map((item) => resourceOf(item, spec)).filter((r) => r.id !== '');
      return { resources, nextToken: nextTokenOf(answer) };
    },
    deleteCalls: (ids) => ids.map((id) => ({ call: spec.remove(id), ids: [id] })),
    isGone: (resource) => resource.state !== undefined && (spec.goneStates ?? []).includes(resource.state),
  };
}
