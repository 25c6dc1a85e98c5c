import { HarnessError } from '../harness/errors.ts';
import type { ProductFields } from '../harness/target.ts';
import { SUITE } from './suite.ts';

export type EndpointKind = 'emulator' | 'cloud' | 'on-premises';
export const ENDPOINT_KINDS: readonly EndpointKind[] = ['emulator', 'cloud', 'on-premises'];

/** product.json: what was certified (certification/product.schema.json). */
export interface Product {
  readonly vendor: string;
  readonly product: string;
  readonly version: string;
  readonly endpointKind: EndpointKind;
  readonly regions: readonly string[];
}

/** The embedded reference emulator, when it is what a certification tests. */
export function referenceEmulatorProduct(regions: readonly string[]): Product {
  return { vendor: SUITE.name, product: 'reference EC2 emulator', version: SUITE.version, endpointKind: 'emulator', regions: [...regions] };
}

/**
 * The product from the command line's flags, each overriding the target file's `product` field;
 * regions default to the regions the target tests. A field neither gives is a usage error naming
 * the flag and the target-file field that would give it.
 */
export function productFrom(flags: ProductFields, file: ProductFields | undefined, testedRegions: readonly string[]): Product {
  const merged = { ...file, ...Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)) } as ProductFields;
  const missing = (
    [
      ['vendor', '--vendor'],
      ['product', '--product'],
      ['version', '--product-version'],
      ['endpointKind', '--endpoint-kind'],
    ] as const
  ).filter(([field]) => merged[field] === undefined);
  if (missing.length > 0) {
    throw new HarnessError(
      'EC2IDEM_USAGE',
      `a certification names the product: give ${missing.map(([, flag]) => flag).join(', ')} (or "${missing.map(([field]) => field).join('", "')}" in the target file's "product")`,
    );
  }
  return {
    vendor: merged.vendor!,
    product: merged.product!,
    version: merged.version!,
    endpointKind: merged.endpointKind!,
    regions: [...(merged.regions ?? testedRegions)],
  };
}
