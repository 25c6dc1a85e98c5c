import pkg from '../package.json' with { type: 'json' };

/** The suite that makes and checks certificates: its package name and version. */
export const SUITE: { readonly name: string; readonly version: string } = { name: pkg.name, version: pkg.version };
