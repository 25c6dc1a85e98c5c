#!/usr/bin/env node
// ec2-idem: runs the compiled CLI in dist/ (built by `npm run build`, which `prepare` runs on
// `npm install`, `npm ci` and `npm pack`). No transpiler at run time.
try {
  await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('ec2-idem: dist/ is missing; run `npm run build` (or `npm install`) in the package first\n');
    process.exit(2);
  }
  throw error;
}
