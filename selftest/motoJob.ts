import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMoto } from './processes.ts';

// `npm run moto`: the suite against a fresh moto_server, strict about its expectations file:
// it passes only while every moto failure is a documented deviation and no documented one passes.
const reportDir = process.argv[2] ?? '.tmp/moto-report';
const moto = await startMoto();
if (!moto) {
  process.stdout.write('moto job skipped: moto_server is not on PATH (pip install "moto[server]" to run it)\n');
  process.exit(0);
}
try {
  const cli = fileURLToPath(new URL('../bin/ec2-idem.js', import.meta.url));
  const args = [cli, 'run', '--target', 'targets/moto.json', '--endpoint', moto.url, '--strict', '--report-dir', reportDir];
  process.stdout.write(`moto job: moto_server at ${moto.url}; ec2-idem ${args.slice(1).join(' ')}\n`);
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } });
  process.exitCode = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
} finally {
  await moto.stop();
}
