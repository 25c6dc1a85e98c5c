import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMoto } from './processes.ts';

// `npm run moto`: the suite against a fresh moto_server, strict about its expectations file:
// it passes only while every moto failure is a documented deviation and no documented one passes.
// Without moto_server it skips on a workstation, but fails in CI: a job that quietly ran nothing
// would look like a pass. It tests every action the target file names, without shrinking: moto
// breaks most rules, and shrinking every counterexample against it would take most of CI's time.
const reportDir = process.argv[2] ?? '.tmp/moto-report';
const INSTALL = `pip install 'moto[server]'`;
const inCI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/** True when an executable `name` is in one of PATH's folders (what spawn would find). */
function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => {
    if (folder === '') return false;
    try {
      accessSync(join(folder, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

if (!onPath('moto_server')) {
  if (inCI) {
    process.stderr.write(`moto job failed: moto_server is not on PATH (required when CI is set); install it with ${INSTALL}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`moto job skipped: moto_server is not on PATH; install it with ${INSTALL} to run it\n`);
  }
} else {
  const moto = await startMoto();
  if (!moto) {
    // Installed but not answering is a broken install, not an absent one: never a skip.
    process.stderr.write(`moto job failed: moto_server is on PATH but did not start answering on 127.0.0.1\n`);
    process.exitCode = 1;
  } else {
    try {
      const cli = fileURLToPath(new URL('../bin/ec2-idem-ts.js', import.meta.url));
      const args = [cli, 'run', '--target', 'targets/moto.json', '--endpoint', moto.url, '--strict', '--no-shrink', '--report-dir', reportDir];
      process.stdout.write(`moto job: moto_server at ${moto.url}; ec2-idem ${args.slice(1).join(' ')}\n`);
      const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } });
      process.exitCode = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    } finally {
      await moto.stop();
    }
  }
}
