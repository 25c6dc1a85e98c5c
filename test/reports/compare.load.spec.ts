import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompareInputError, loadReport } from '../../reports/compare/load.ts';
import { reportOf } from './fixtures/compareReports.ts';

let dir: string;
const good = reportOf('moto', [{ rule: 'DRYRUN', action: 'RunInstances', status: 'passed' }]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-compare-load-'));
  await mkdir(join(dir, 'bundle'));
  await writeFile(join(dir, 'bundle', 'report.json'), JSON.stringify(good));
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'moto.json'), JSON.stringify(good));
  await writeFile(join(dir, 'broken.json'), '{"schemaVersion": 3,');
  const bad = JSON.parse(JSON.stringify(good));
  bad.rules[0].status = 'fine';
  await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
});

/** The message a load fails with. */
async function failure(input: string): Promise<string> {
  const error = await loadReport(input).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CompareInputError);
  return (error as Error).message;
}

describe('loadReport', () => {
  it('reads a report.json, or the report.json in a report directory or certification bundle', async () => {
    expect(await loadReport(join(dir, 'moto.json'))).toEqual({ file: join(dir, 'moto.json'), report: good });
    expect((await loadReport(join(dir, 'bundle'))).file).toBe(join(dir, 'bundle', 'report.json'));
  });

  it('names the file, and the field for a report the schema rejects', async () => {
    expect(await failure(join(dir, 'bad.json'))).toBe(`${join(dir, 'bad.json')}: is not a valid run report (reports/run-report.schema.json):\n  /rules/0/status: must be equal to one of the allowed values ["passed","failed","inconclusive","error","not-applicable","skipped"]`);
    expect(await failure(join(dir, 'broken.json'))).toMatch(/broken\.json: is not JSON \(/);
    expect(await failure(join(dir, 'absent.json'))).toBe(`${join(dir, 'absent.json')}: no such file or directory`);
    expect(await failure(join(dir, 'empty'))).toMatch(/empty: is a directory without a report\.json/);
  });
});
