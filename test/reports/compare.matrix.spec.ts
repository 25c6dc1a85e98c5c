import { describe, expect, it } from 'vitest';
import { cellOf, cellText } from '../../reports/compare/cell.ts';
import { endpointLabels } from '../../reports/compare/labels.ts';
import { buildMatrix } from '../../reports/compare/matrix.ts';
import type { RunReport } from '../../reports/model.ts';
import { reportOf, result } from './fixtures/compareReports.ts';

const MOTO_DOC = 'moto never looks a ClientToken up';

function rowsOf(reports: readonly RunReport[]) {
  return buildMatrix(reports).rows.map((r) => [r.kind, r.rule, r.action, ...r.cells.map(cellText)]);
}

describe('buildMatrix', () => {
  it('lists rows where the endpoints differ first, then those they agree on, each in rule catalogue order', () => {
    // Arrange
    const emulator = reportOf('emulator', [
      { rule: 'DRYRUN', action: 'RunInstances', status: 'passed' },
      { rule: 'TOKEN-FORMAT', action: 'RunInstances', status: 'passed' },
      { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'passed' },
      { rule: 'AT-MOST-ONCE', action: 'RunInstances', status: 'passed' },
    ]);
    const moto = reportOf('moto', [
      { rule: 'DRYRUN', action: 'RunInstances', status: 'passed' },
      { rule: 'TOKEN-FORMAT', action: 'RunInstances', status: 'passed' },
      { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed', documented: MOTO_DOC },
      { rule: 'AT-MOST-ONCE', action: 'RunInstances', status: 'inconclusive' },
    ]);
    // Act
    const rows = rowsOf([emulator, moto]);
    // Assert
    expect(rows).toEqual([
      ['differs', 'SAME-RESPONSE', 'RunInstances', '✅ passed', '⚠️ deviation (failed)'],
      ['differs', 'AT-MOST-ONCE', 'RunInstances', '✅ passed', '❔ inconclusive'],
      ['same', 'TOKEN-FORMAT', 'RunInstances', '✅ passed', '✅ passed'],
      ['same', 'DRYRUN', 'RunInstances', '✅ passed', '✅ passed'],
    ]);
  });

  it('shows a pair one report lacks as — (not run), after the rows everyone ran, unless the others already differ', () => {
    const emulator = reportOf('emulator', [
      { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'passed' },
      { rule: 'SAME-RESPONSE', action: 'CreateVolume', status: 'passed' },
      { rule: 'HISTORY', action: 'CreateVolume', status: 'passed' },
    ]);
    const moto = reportOf('moto', [{ rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'passed' }]);
    const vendor = reportOf('vendor', [
      { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'passed' },
      { rule: 'HISTORY', action: 'CreateVolume', status: 'failed' },
    ]);
    expect(rowsOf([emulator, moto, vendor])).toEqual([
      ['differs', 'HISTORY', 'CreateVolume', '✅ passed', '—', '❌ failed'],
      ['same', 'SAME-RESPONSE', 'RunInstances', '✅ passed', '✅ passed', '✅ passed'],
      ['partial', 'SAME-RESPONSE', 'CreateVolume', '✅ passed', '—', '—'],
    ]);
  });

  it('marks a documented failure or inconclusive result as a deviation, and keeps its reason as the note', () => {
    const documented = cellOf(result({ rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed', documented: MOTO_DOC, note: 'two reservations' }));
    expect(documented).toEqual({ status: 'failed', deviation: true, note: MOTO_DOC });
    expect(cellText(documented)).toBe('⚠️ deviation (failed)');
    const inconclusive = cellOf(result({ rule: 'TOKEN-CASE', action: 'RunInstances', status: 'inconclusive', documented: MOTO_DOC }));
    expect(cellText(inconclusive)).toBe('⚠️ deviation (inconclusive)');
    const undocumented = cellOf(result({ rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed', note: 'two reservations' }));
    expect(undocumented).toEqual({ status: 'failed', deviation: false, note: 'two reservations' });
    expect(cellText(undocumented)).toBe('❌ failed');
    const notApplicable = cellOf(result({ rule: 'ACCOUNT-SCOPE', action: 'RunInstances', status: 'not-applicable', note: 'needs second-account' }));
    expect([cellText(notApplicable), notApplicable.note]).toEqual(['➖ not applicable', 'needs second-account']);
    expect(cellOf(result({ rule: 'DRYRUN', action: 'RunInstances', status: 'passed', note: 'ignored' })).note).toBe('');
  });

  it('compares statuses: two endpoints failing a rule alike agree, whether or not one documents it', () => {
    const a = reportOf('a', [{ rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed', documented: MOTO_DOC }]);
    const b = reportOf('b', [{ rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed' }]);
    expect(rowsOf([a, b])).toEqual([['same', 'SAME-RESPONSE', 'RunInstances', '⚠️ deviation (failed)', '❌ failed']]);
  });

  it('describes each endpoint from its report header', () => {
    const pairs = [
      { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed', documented: MOTO_DOC },
      { rule: 'DRYRUN', action: 'RunInstances', status: 'passed' },
    ] as const;
    const moto = reportOf('moto', pairs, { seed: 99, startedAt: '2026-11-30T23:59:00.000Z' });
    const [endpoint] = buildMatrix([moto, reportOf('emulator', [])], ['moto 5.1']).endpoints;
    expect(endpoint).toMatchObject({ label: 'moto 5.1', target: 'moto', suite: 'ec2-idempotency-conformance 0.1.0', seed: 99, startedAt: '2026-11-30T23:59:00.000Z', conformance: 'conformant-with-deviations', runId: 'run-moto' });
    expect(endpoint?.ruleCatalogueVersion).toBeGreaterThanOrEqual(1);
  });

  it('warns when the reports were judged against different rule catalogues or suite versions, and not otherwise', () => {
    const older = reportOf('moto', [], { version: '0.0.9' });
    const oldCatalogue = { ...older, tool: { ...older.tool, ruleCatalogueVersion: older.tool.ruleCatalogueVersion + 1 } };
    const warnings = buildMatrix([reportOf('emulator', []), oldCatalogue]).warnings;
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/different rule catalogues \(emulator: v\d+, moto: v\d+\)/);
    expect(warnings[1]).toContain('different suite versions (emulator: ec2-idempotency-conformance 0.1.0, moto: ec2-idempotency-conformance 0.0.9)');
    expect(buildMatrix([reportOf('emulator', []), reportOf('moto', [])]).warnings).toEqual([]);
  });
});

describe('endpointLabels', () => {
  it('takes --label in order, else the target name, and keeps labels apart', () => {
    const reports = ['moto', 'moto', 'vendor', 'moto'].map((name) => reportOf(name, []));
    expect(endpointLabels(reports)).toEqual(['moto', 'moto #2', 'vendor', 'moto #3']);
    expect(endpointLabels(reports, ['old', 'new'])).toEqual(['old', 'new', 'vendor', 'moto']);
    expect(endpointLabels(reports.slice(0, 3), ['moto #2', 'moto'])).toEqual(['moto #2', 'moto', 'vendor']);
    expect(endpointLabels([reportOf('x', []), reportOf('x', []), reportOf('x #2', [])])).toEqual(['x', 'x #2', 'x #2 #2']);
  });
});
