import type { Endpoint } from './matrix.ts';

/**
 * Warnings for reports that are not judged alike: a different rule catalogue can change what a
 * rule demands (docs/CHANGELOG-rules.md), a different suite version how it is checked.
 */
export function versionWarnings(endpoints: readonly Endpoint[]): string[] {
  const warnings: string[] = [];
  const catalogues = new Set(endpoints.map((e) => e.ruleCatalogueVersion));
  if (catalogues.size > 1) {
    const each = endpoints.map((e) => `${e.label}: v${e.ruleCatalogueVersion}`).join(', ');
    warnings.push(`The reports were judged against different rule catalogues (${each}): a rule may not demand the same in each column; see docs/CHANGELOG-rules.md.`);
  }
  const suites = new Set(endpoints.map((e) => e.suite));
  if (suites.size > 1) {
    const each = endpoints.map((e) => `${e.label}: ${e.suite}`).join(', ');
    warnings.push(`The reports come from different suite versions (${each}): a rule may be checked differently in each column.`);
  }
  return warnings;
}
