#!/usr/bin/env node
// What action.yml runs (dist/cli/githubAction.js, from cli/githubAction.ts):
//   github-action.js          `ec2-idem run` with the action's inputs (INPUT_* variables), the run's
//                             summary.md onto the job summary, its verdict and exit code into
//                             $GITHUB_OUTPUT; exits as the run did
//   github-action.js cleanup  after a cancelled job: `ec2-idem cleanup` with the run's ledger
import { fileURLToPath } from 'node:url';
import { githubAction, githubActionCleanup } from '../dist/cli/githubAction.js';

const options = { env: process.env, cli: fileURLToPath(new URL('./ec2-idem.js', import.meta.url)) };
process.exitCode = await (process.argv[2] === 'cleanup' ? githubActionCleanup(options) : githubAction(options));
