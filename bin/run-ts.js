#!/usr/bin/env node
// Runs one TypeScript script (benchmarks, generators of README sections) without a build step.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const script = process.argv[2];
if (!script) {
  process.stderr.write('usage: node bin/run-ts.js SCRIPT.ts [args…]\n');
  process.exit(2);
}
process.argv.splice(2, 1);
register();
await import(pathToFileURL(resolve(script)).href);
