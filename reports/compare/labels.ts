import type { RunReport } from '../model.ts';

/**
 * The column label of each endpoint: the `--label` given for it, else its report's target name.
 * A label already taken (two runs against moto) gets `#2`, `#3`, … so that columns stay apart.
 */
export function endpointLabels(reports: readonly RunReport[], given: readonly string[] = []): string[] {
  const taken = new Set<string>();
  return reports.map((report, i) => {
    const wanted = given[i] ?? report.target.name;
    let label = wanted;
    for (let n = 2; taken.has(label); n += 1) label = `${wanted} #${n}`;
    taken.add(label);
    return label;
  });
}
