// `npm run catalogue` writes catalogue/ec2-client-token-operations.json from the EC2 model of the
// pinned @aws-sdk/client-ec2 (why that source: the top of catalogue/model.ts); `-- --check` only
// regenerates it in memory and exits 1, with a one-line summary, if the committed file differs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CATALOGUE_PATH } from './catalogue.ts';
import { catalogueMain } from './model.ts';

process.exitCode = catalogueMain(process.argv.slice(2), relative(process.cwd(), CATALOGUE_PATH) || CATALOGUE_PATH, {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  read: (f) => (existsSync(f) ? readFileSync(f, 'utf8') : null),
  write: (f, text) => writeFileSync(f, text),
});
