#!/usr/bin/env node
// ec2-idem from the TypeScript sources (tsx compiles them on load): what the tests, the self-tests
// and `npm run dev` run, so they never see a stale dist/. Not shipped: the package's bin is
// bin/ec2-idem.js, which runs the compiled dist/.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
