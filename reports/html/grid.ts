import type { RuleResult, RuleStatus } from '../model.ts';
import { plural } from '../plural.ts';
import { standing } from '../standing.ts';
import { STATUS_WORDS } from '../statusWords.ts';
import { escapeHtml } from './escape.ts';
import { hasDetails, sectionId } from './failure.ts';

/**
 * The rules × actions grid: a row per rule (in the report's order), a column per action, each
 * cell coloured by its status and naming it in words too (greyscale print, colour blindness).
 * A cell with a section below (failed, inconclusive, error) links to it.
 */
export function gridHtml(rules: readonly RuleResult[]): string {
  const ruleIds = unique(rules.map((r) => r.rule));
  const actions = unique(rules.map((r) => r.action));
  const head = `<tr><th scope="col">Rule</th>${actions.map((a) => `<th scope="col">${escapeHtml(a)}</th>`).join('')}</tr>`;
  const rows = ruleIds.map((rule) => {
    const first = rules.find((r) => r.rule === rule);
    const header = `<th scope="row"><span class="rule-id">${escapeHtml(rule)}</span>${first === undefined ? '' : ` <span class="strength">${escapeHtml(first.strength)}</span><br><span class="rule-title">${escapeHtml(first.title)}</span>`}</th>`;
    const cells = actions.map((action) => {
      const found = rules.flatMap((r, index) => (r.rule === rule && r.action === action ? [{ result: r, index }] : []));
      if (found.length === 0) return '<td class="cell not-run">not run</td>';
      if (found.length === 1 && found[0] !== undefined) return cellHtml('td', found[0].result, found[0].index);
      // The same rule × action twice (a report merged from shards): one coloured block each.
      return `<td class="cell multi">${found.map(({ result, index }) => cellHtml('div', result, index)).join('')}</td>`;
    });
    return `<tr>${header}${cells.join('')}</tr>`;
  });
  return `<table class="grid">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n${legendHtml()}`;
}

function cellHtml(tag: 'td' | 'div', result: RuleResult, index: number): string {
  const place = standing(result);
  const words = place === 'excused' ? `deviation (${STATUS_WORDS[result.status]})` : STATUS_WORDS[result.status];
  const marker = place === 'violation' ? '✗ ' : place === 'passed' ? '✓ ' : place === 'unproven' ? '! ' : '';
  const text = hasDetails(result) ? `<a href="#${sectionId(index)}">${marker}${escapeHtml(words)}</a>` : `${marker}${escapeHtml(words)}`;
  const blocks = place === 'unproven' ? '<span class="blocks">blocks the verdict</span>' : '';
  // The evidence behind a pass; elsewhere the count of cases before the end says little at a glance.
  const runs = result.status === 'passed' ? `<span class="runs">${plural(result.runs, 'case')}</span>` : '';
  const why = result.reason ?? result.failure?.message;
  const title = why === undefined ? '' : ` title="${escapeHtml(why)}"`;
  return `<${tag} class="cell status-${escapeHtml(result.status)}${place === 'excused' ? ' excused' : ''}"${title}>${text}${blocks}${runs}</${tag}>`;
}

function legendHtml(): string {
  const items = (Object.keys(STATUS_WORDS) as RuleStatus[]).map((s) => `<li><span class="swatch status-${s}">${STATUS_WORDS[s]}</span></li>`);
  return `<ul class="legend" aria-label="Status colours">${items.join('')}</ul>`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
