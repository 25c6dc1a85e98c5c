import { conformanceLevel, type ConformanceLevel } from '../level.ts';
import type { Conformance, RunReport, RuleStatus } from '../model.ts';
import { plural } from '../plural.ts';
import { standing, type Standing } from '../standing.ts';
import type { TranscriptTextOptions } from '../transcriptText.ts';
import { visible } from '../visible.ts';
import { htmlDocument } from './document.ts';
import { escapeHtml } from './escape.ts';
import { factsHtml } from './facts.ts';
import { failureHtml, hasDetails } from './failure.ts';
import { gridHtml } from './grid.ts';

/** Options for report.html; the transcript limits keep a page with long answers light. */
export type HtmlReportOptions = TranscriptTextOptions;

const VERDICTS: Readonly<Record<Conformance, { readonly words: string; readonly colour: RuleStatus; readonly meaning: string }>> = {
  conformant: { words: 'Conformant', colour: 'passed', meaning: 'every MUST rule that applies passed with evidence, nothing failed, nothing leaked' },
  'conformant-with-deviations': {
    words: 'Conformant with documented deviations',
    colour: 'inconclusive',
    meaning: 'conformant, except failures the target’s expectations document',
  },
  'not-conformant': { words: 'Not conformant', colour: 'failed', meaning: 'a rule was shown broken, or a resource was left behind' },
  inconclusive: { words: 'Inconclusive', colour: 'inconclusive', meaning: 'nothing was shown broken, but not every MUST rule could be shown kept' },
  untested: { words: 'Untested', colour: 'not-applicable', meaning: 'no rule could run at all' },
};

const LEVELS: Readonly<Record<ConformanceLevel, { readonly colour: RuleStatus; readonly meaning: string }>> = {
  'MUST+SHOULD': { colour: 'passed', meaning: 'every MUST and SHOULD rule that applies passed' },
  MUST: { colour: 'passed', meaning: 'every MUST rule that applies passed' },
  none: { colour: 'skipped', meaning: 'not every MUST rule that applies passed' },
};

/** What keeps a run from conformant comes first, documented deviations last (as in summary.md). */
const SECTION_ORDER: readonly Standing[] = ['violation', 'unproven', 'neutral', 'excused'];

/**
 * report.html: one self-contained page to look at. The verdict and level first, big and
 * coloured; the rules × actions grid; a section per failure with its counterexample; the run's
 * facts. Everything is in the HTML itself: scripts only add copy buttons, and print CSS keeps
 * colours and keeps blocks whole.
 */
export function toHtml(report: RunReport, options: HtmlReportOptions = {}): string {
  const detailed = report.rules.map((result, index) => ({ result, index })).filter(({ result }) => hasDetails(result));
  const ordered = SECTION_ORDER.flatMap((wanted) => detailed.filter(({ result }) => standing(result) === wanted));
  const body = [
    bannerHtml(report),
    `<section class="at-a-glance" id="grid"><h2>Rules × actions</h2>\n${gridHtml(report.rules)}\n</section>`,
    ordered.length === 0
      ? ''
      : `<section class="failures"><h2>${plural(ordered.length, 'result')} to look at</h2>\n${ordered.map(({ result, index }) => failureHtml(result, index, options)).join('\n')}\n</section>`,
    `<section class="run-facts"><h2>Run facts</h2>\n${factsHtml(report)}\n</section>`,
    report.notices.length === 0 ? '' : `<section class="notices"><h2>Notices</h2><ul>${report.notices.map((n) => `<li>${text(n)}</li>`).join('')}</ul></section>`,
    `<footer class="muted">${text(`${report.tool.name} ${report.tool.version}`)} · rule catalogue v${report.tool.ruleCatalogueVersion} · run <code>${text(report.run.id)}</code> · report.json holds every detail of this page.</footer>`,
  ].filter((part) => part !== '');
  return htmlDocument({
    title: `${VERDICTS[report.conformance].words}: ${visible(report.target.name)} · EC2 ClientToken conformance`,
    body: body.join('\n'),
    style: PAGE_CSS,
    script: COPY_SCRIPT,
  });
}

function bannerHtml(report: RunReport): string {
  const verdict = VERDICTS[report.conformance];
  const level = conformanceLevel(report.rules);
  const { colour, meaning } = LEVELS[level];
  const leaked = report.totals.resourcesLeftBehind;
  const notes = [
    ...(report.run.stopped === undefined ? [] : [`<p class="stopped"><strong>The run stopped early:</strong> ${text(report.run.stopped)}</p>`]),
    ...(leaked > 0 ? [`<p class="leak"><strong>${plural(leaked, 'resource')} left behind</strong> after the final cleanup.</p>`] : []),
  ];
  return `<header class="banner">
<p class="eyebrow">EC2 ClientToken idempotency conformance · ${text(report.target.name)}</p>
<div class="verdict-row">
<div class="verdict status-${verdict.colour}" data-conformance="${escapeHtml(report.conformance)}"><span class="verdict-label">Verdict</span><span class="verdict-words">${verdict.words}</span><span class="verdict-meaning">${escapeHtml(verdict.meaning)}</span></div>
<div class="level status-${colour}" data-level="${level}"><span class="verdict-label">Level</span><span class="verdict-words">${level}</span><span class="verdict-meaning">${meaning}</span></div>
</div>
${notes.join('\n')}
</header>`;
}

function text(value: string): string {
  return escapeHtml(visible(value));
}

/** Copy buttons are hidden in the HTML and shown only here, so a page without scripts has no dead button. */
const COPY_SCRIPT = `
for (const button of document.querySelectorAll('button[data-copy]')) {
  const code = document.getElementById(button.getAttribute('data-copy'));
  if (!code) continue;
  button.hidden = false;
  const say = (words) => { button.textContent = words; setTimeout(() => { button.textContent = 'Copy'; }, 1500); };
  const select = () => {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    say('Selected: press Ctrl+C');
  };
  button.addEventListener('click', () => {
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(code.textContent).then(() => say('Copied'), select);
    else select();
  });
}
`;

const PAGE_CSS = `.muted{color:#57606a}
.banner{margin-bottom:1.5rem}
.eyebrow{margin:0 0 .5rem;font-size:1rem;color:#57606a;letter-spacing:.02em}
.verdict-row{display:flex;flex-wrap:wrap;gap:1rem}
.verdict,.level{display:flex;flex-direction:column;padding:1rem 1.5rem;border-radius:10px;border:2px solid currentColor}
.verdict{flex:3 1 26rem}
.level{flex:1 1 12rem}
.verdict-label{font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;font-weight:600}
.verdict-words{font-size:2.6rem;font-weight:800;line-height:1.1}
.verdict-meaning{font-size:.95rem}
.stopped,.leak{padding:.5rem .75rem;border-left:6px solid #8a1111;background:#fbd5d5;color:#8a1111}
h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.grid{width:100%}
.grid th[scope=row]{min-width:14rem;font-weight:normal}
.rule-id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:700}
.strength{font-size:.7rem;font-weight:700;border:1px solid #8c959f;border-radius:3px;padding:0 .25rem}
.rule-title{font-size:.8rem;color:#57606a}
.cell{font-weight:600;min-width:9rem}
.cell a{color:inherit}
.cell .runs,.cell .blocks{display:block;font-size:.75rem;font-weight:normal}
.cell.not-run{color:#8c959f;font-weight:normal}
.cell.excused{background-image:repeating-linear-gradient(135deg,transparent 0 6px,rgba(0,0,0,.06) 6px 12px)}
.multi{padding:0}.multi>div{padding:.25rem .5rem}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.5rem 0}
.swatch{display:inline-block;padding:.1rem .5rem;border-radius:4px;font-size:.8rem}
.failure{border:1px solid #d0d7de;border-left:8px solid #8c959f;border-radius:6px;padding:0 1rem 1rem;margin:1.5rem 0}
.border-failed{border-left-color:#8a1111}.border-inconclusive{border-left-color:#b08500}.border-error{border-left-color:#4c1d95}
.back{float:right;font-size:.8rem;font-weight:normal}
.badge{font-size:.8rem;padding:.1rem .5rem;border-radius:4px;vertical-align:middle}
.message{font-size:1.1rem;font-weight:600}
.deviation{background:#fff1c2;padding:.5rem}
.differences td{font-size:.9rem}
mark{background:#ffd33d;color:#1b1f24;padding:0 .1rem;border-radius:2px}
.replay{display:flex;gap:.5rem;align-items:flex-start}
.replay pre{flex:1;margin:0;user-select:all}
.copy{font:inherit;padding:.35rem .8rem;border:1px solid #8c959f;border-radius:4px;background:#fff;cursor:pointer}
.timeline-figure{margin:0}
.timeline{max-width:100%;height:auto;border:1px solid #d0d7de;border-radius:4px;background:#fff}
.tl-grid{stroke:#e1e4e8;stroke-width:1}
.tl-tick{font-size:11px;fill:#57606a;font-family:system-ui,sans-serif}
.tl-lane-label{font-size:12px;fill:#1b1f24;font-family:ui-monospace,Menlo,Consolas,monospace}
.tl-label{font-size:11px;font-family:system-ui,sans-serif}
figcaption{font-size:.8rem;color:#57606a}
.transcript{list-style:none;padding:0}
.attempt{border:1px solid #d0d7de;border-radius:6px;margin:.75rem 0;padding:.5rem}
.attempt-head{margin-bottom:.25rem}
.fault{display:inline-block;background:#e9d5ff;color:#4c1d95;border-radius:4px;padding:0 .4rem;font-size:.85rem}
.exchange{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.5rem}
.block-label{font-size:.8rem;font-weight:700;color:#57606a}
.outcome-ok .answer pre{border-left:4px solid #0b5a1d}
.outcome-client-error .answer pre{border-left:4px solid #b08500}
.outcome-server-error .answer pre,.outcome-no-answer .answer pre{border-left:4px solid #8a1111}
.client-failure{color:#8a1111;font-weight:600}
.figures{display:flex;flex-wrap:wrap;gap:1rem}
.figure{display:flex;flex-direction:column;border:1px solid #d0d7de;border-radius:8px;padding:.5rem 1rem;min-width:8rem}
.figure-value{font-size:1.8rem;font-weight:700}
.figure-label{font-size:.8rem;color:#57606a}
.figure.leak{border-color:#8a1111;color:#8a1111}
.facts th{white-space:nowrap}
@media (max-width:50rem){.exchange{grid-template-columns:minmax(0,1fr)}}
@media print{.back{display:none}
.verdict,.level,.badge,.swatch,mark,.fault,.stopped,.leak,.deviation{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.figure,.timeline-figure,.differences,.replay,.grid tr{break-inside:avoid}
.attempt-head,.block-label{break-after:avoid}
.failure{break-before:auto}
h2,h3,h4{break-after:avoid}
.verdict-words{font-size:2rem}}`;
