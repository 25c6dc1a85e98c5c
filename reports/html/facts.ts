import { formatDuration } from '../formatDuration.ts';
import type { RunReport } from '../model.ts';
import { plural } from '../plural.ts';
import { visible } from '../visible.ts';
import { escapeHtml } from './escape.ts';

/**
 * The run's facts: four big numbers (requests, resources created, left behind, duration), the
 * totals by status, then what was run against what (target, endpoints, regions, profile, seed,
 * suite and rule catalogue version, run id, command).
 */
export function factsHtml(report: RunReport): string {
  const { run, target, tool, totals } = report;
  const leaked = totals.resourcesLeftBehind > 0;
  const figures = [
    figure(String(totals.requests), 'requests'),
    figure(String(totals.resourcesCreated), 'resources created'),
    figure(String(totals.resourcesLeftBehind), 'left behind', leaked ? 'leak' : undefined),
    figure(formatDuration(run.durationMs), 'duration'),
  ];
  const counts = [
    `${totals.passed} passed`,
    `${totals.failed} failed`,
    `${totals.inconclusive} inconclusive`,
    plural(totals.errors, 'error'),
    `${totals.notApplicable} not applicable`,
    `${totals.skipped} skipped`,
    plural(totals.deviations, 'documented deviation'),
  ];
  const rows: [string, string][] = [
    ['Target', `${text(target.name)}${target.embedded ? ' (embedded reference emulator)' : ''}`],
    ['Endpoints', list(target.endpoints)],
    ['Regions', list(target.regions)],
    ['Profile', `<code>${text(run.profile)}</code>`],
    ['Seed', `<code>${text(String(run.seed))}</code>`],
    ['Cases per rule', text(String(run.runsPerRule))],
    ['Suite', `${text(tool.name)} ${text(tool.version)}`],
    ['Rule catalogue', `version ${text(String(tool.ruleCatalogueVersion))}`],
    ['Report schema', `version ${text(String(report.schemaVersion))}`],
    ['Run', `<code>${text(run.id)}</code>, started ${text(run.startedAt)}`],
    ['Command', `<code>${text(run.command)}</code>`],
  ];
  return [
    `<div class="figures">${figures.join('')}</div>`,
    `<p class="counts">${counts.map(text).join(' · ')}</p>`,
    `<table class="facts"><tbody>${rows.map(([name, value]) => `<tr><th scope="row">${name}</th><td>${value}</td></tr>`).join('')}</tbody></table>`,
  ].join('\n');
}

function figure(value: string, label: string, extraClass?: string): string {
  return `<div class="figure${extraClass === undefined ? '' : ` ${extraClass}`}"><span class="figure-value">${text(value)}</span><span class="figure-label">${text(label)}</span></div>`;
}

function list(values: readonly string[]): string {
  return values.length === 0 ? '<span class="muted">none</span>' : values.map((v) => `<code>${text(v)}</code>`).join(', ');
}

function text(value: string): string {
  return escapeHtml(visible(value));
}
