#!/usr/bin/env node
// `npm run build` (and `prepare`, so a fresh clone's `npm install` or `npm ci` builds): compiles the
// product's sources to dist/ with tsc (tsconfig.build.json), then copies next to the compiled code
// the files it reads at run time by a path relative to itself. JSON imported with
// `with { type: 'json' }` needs no copying: tsc emits it beside the modules that import it.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Read with readFileSync relative to the module that reads them (source path → same path under dist/). */
const ASSETS = [
  'catalogue/ec2-client-token-operations.json', // catalogue/catalogue.ts
  'docs/reference.md', // specs/ruleHeader.ts
];

// A clean dist/: a module whose source was deleted must not ship.
rmSync(dist, { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
// tsc emits even when it reports type errors; the assets are copied either way, so that the
// emitted dist/ runs, but a failed type check fails the build.
for (const asset of ASSETS) cpSync(join(root, asset), join(dist, asset));
if (compiled.status !== 0) {
  process.stderr.write(`build: tsc -p tsconfig.build.json failed (exit ${compiled.status ?? compiled.signal})\n`);
  process.exit(1);
}
