import { describe, expect, it } from 'vitest';
import { responseDifferences } from '../../harness/compare.ts';
import { decode } from '../../harness/decode.ts';
import type { Ok } from '../../harness/outcome.ts';
import type { RuleHarness } from '../../harness/ruleHarness.ts';
import type { AttemptRecord } from '../../harness/transcript.ts';
import { overlapping } from '../../reports/html/attempts.ts';
import { differenceCount, markAnswer, parseDifferences } from '../../reports/html/differences.ts';
import { failureHtml } from '../../reports/html/failure.ts';
import { gridHtml } from '../../reports/html/grid.ts';
import { toHtml } from '../../reports/html/page.ts';
import { timelineSvg, wantsTimeline } from '../../reports/html/timeline.ts';
import { conformanceLevel } from '../../reports/level.ts';
import type { RuleResult } from '../../reports/model.ts';
import { prettyBody } from '../../reports/prettyBody.ts';
import { RULE_CATALOGUE_VERSION } from '../../specs/catalogVersion.ts';
import { expectSameResponse } from '../../specs/expect.ts';
import { hostile, NASTY } from './fixtures/hostile.ts';
import { attempt, crashed, deviation, failed, inconclusive, notApplicable, passed, replayOf, sampleReport } from './fixtures/sampleReport.ts';

/** Every element name the page itself writes; anything else in the output came from the input. */
const OWN_TAGS = new Set([
  '!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'script', 'header', 'footer', 'section', 'div', 'p', 'span',
  'strong', 'em', 'code', 'pre', 'mark', 'a', 'br', 'h1', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol',
  'li', 'button', 'figure', 'figcaption', 'svg', 'g', 'line', 'rect', 'text',
]);

/** The page's CSS less its `@media print` blocks: what the screen shows. */
function withoutPrintRules(html: string): string {
  let rest = html;
  for (let start = rest.indexOf('@media print{'); start >= 0; start = rest.indexOf('@media print{')) {
    let depth = 0;
    let end = start + '@media print'.length;
    do {
      if (rest[end] === '{') depth += 1;
      if (rest[end] === '}') depth -= 1;
      end += 1;
    } while (depth > 0 && end < rest.length);
    rest = rest.slice(0, start) + rest.slice(end);
  }
  return rest;
}

const tagsIn = (html: string) => new Set([...html.matchAll(/<\/?([a-z!][a-z0-9-]*)/gi)].map((m) => m[1]!.toLowerCase()));

/** An attack on the page, in every string the endpoint or the generator controls. */
const ATTACK = `<script>document.title='pwned'</script><img src="https://evil.example/x.png" onerror="alert(1)"><a href="javascript:alert(2)">x</a>" onload="alert(3)`;

function answer(reservationId: string, instances: readonly string[], root = 'RunInstancesResponse'): string {
  const items = instances.map((id) => `<item><instanceId>${id}</instanceId><clientToken>tok</clientToken></item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-${reservationId}</requestId><reservationId>${reservationId}</reservationId><instancesSet>${items}</instancesSet></${root}>`;
}

const ok = (body: string) => decode({ kind: 'exchange', status: 200, headers: {}, body, truncated: false }) as Ok;

/** The message a rule writes for two answers, through the suite's own comparison and wording. */
function sameResponseMessage(first: string, second: string): string {
  const h = { differences: (a: Ok, b: Ok) => responseDifferences(a, b, 'seed') } as unknown as RuleHarness;
  try {
    expectSameResponse(h, ok(first), ok(second), 'replay 1');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the answers were the same response');
}

const markedLines = (body: string, message: string) =>
  markAnswer(prettyBody(body), parseDifferences(message)).filter((l) => l.marked).map((l) => l.text.trim());

describe('conformanceLevel', () => {
  const should = (status: RuleResult['status']): RuleResult => ({ ...passed, rule: 'DRYRUN', strength: 'SHOULD', status });
  const must = (status: RuleResult['status']): RuleResult => ({ ...passed, status });

  it.each([
    ['every MUST and SHOULD passed', [must('passed'), should('passed')], 'MUST+SHOULD'],
    ['only MUST rules, all passed', [must('passed'), must('passed')], 'MUST+SHOULD'],
    ['a SHOULD failed', [must('passed'), should('failed')], 'MUST'],
    ['a SHOULD was inconclusive', [must('passed'), should('inconclusive')], 'MUST'],
    ['a SHOULD was skipped', [must('passed'), should('skipped')], 'MUST'],
    ['a MUST failed', [must('failed'), should('passed')], 'none'],
    ['a MUST was skipped', [must('passed'), must('skipped')], 'none'],
    ['a MUST crashed', [must('passed'), must('error')], 'none'],
    ['not-applicable results are left out', [must('passed'), must('not-applicable'), should('not-applicable')], 'MUST+SHOULD'],
    ['no MUST rule applied', [must('not-applicable'), should('passed')], 'none'],
    ['nothing at all', [], 'none'],
  ] as const)('%s → %s', (_, rules, level) => {
    expect(conformanceLevel(rules)).toBe(level);
  });

  it('a documented deviation is not a pass: the level needs evidence', () => {
    expect(conformanceLevel([passed, deviation])).toBe('none');
  });
});

describe('report.html escapes everything the endpoint and the generators wrote', () => {
  const attacked: RuleResult = {
    ...hostile,
    title: ATTACK,
    reason: ATTACK,
    source: { ref: ATTACK, link: `javascript:${ATTACK}` },
    failure: {
      ...hostile.failure!,
      message: `${ATTACK} ${NASTY}`,
      input: ATTACK,
      replay: `${ATTACK} ${NASTY}`,
      path: ATTACK,
      transcript: [
        ...hostile.failure!.transcript,
        attempt({
          at: 3,
          request: { method: ATTACK, url: `http://127.0.0.1/${ATTACK}`, headers: {}, body: ATTACK },
          response: { status: 200, body: `<RunInstancesResponse><reservationId>${ATTACK}</reservationId><x>${NASTY}</x></RunInstancesResponse>` },
          fault: ATTACK,
          failure: { code: ATTACK, message: ATTACK },
        }),
      ],
    },
    deviation: { reason: ATTACK, link: `https://example.com/"><script>alert(4)</script>`, expires: ATTACK },
  };
  const report = sampleReport([attacked, { ...notApplicable, action: ATTACK, reason: ATTACK }]);
  const html = toHtml({ ...report, target: { ...report.target, name: ATTACK, endpoints: [ATTACK], regions: [ATTACK] }, notices: [ATTACK], run: { ...report.run, id: ATTACK, command: ATTACK, stopped: ATTACK } });

  it('writes no element, attribute or link of its own', () => {
    expect([...tagsIn(html)].filter((tag) => !OWN_TAGS.has(tag))).toEqual([]);
    expect(html).not.toMatch(/<img|\sonerror="|\sonload="|href="javascript:/i); // as text, escaped, they are harmless
    // The one script is the page's own copy script.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;');
  });

  it('shows hidden characters as \\u escapes and keeps the text readable', () => {
    expect(html).not.toMatch(/[\u0001\u0008\u000b\u001f]/);
    expect(html).toContain('\\u0001');
    expect(html).toContain('日本 🚀');
  });

  it('links only plain http(s) documentation addresses', () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.every((href) => href.startsWith('#') || /^https:\/\/[^\s<>"']+$/.test(href))).toBe(true);
    expect(hrefs.some((href) => href.includes('example.com'))).toBe(false); // a quote in the address: shown, not linked
  });
});

describe('the rules × actions grid', () => {
  const rules = [failed, deviation, passed, notApplicable, inconclusive, crashed];
  const html = gridHtml(rules);
  const row = (rule: string) => html.split('\n').find((line) => line.includes(`<span class="rule-id">${rule}</span>`)) ?? '';

  it('has a row per rule and a column per action', () => {
    expect(html.match(/<th scope="row">/g)).toHaveLength(6);
    expect(html).toContain('<th scope="col">RunInstances</th>');
    expect(html).toContain('<th scope="col">CreateLaunchTemplate</th>');
  });

  it('colours each cell by status and names the status in words', () => {
    expect(row('SAME-RESPONSE')).toMatch(/<td class="cell status-passed"[^>]*>✓ passed/);
    expect(row('ACCOUNT-SCOPE')).toMatch(/<td class="cell status-not-applicable"[^>]*>not applicable/);
    expect(row('TOKEN-FORMAT')).toMatch(/<td class="cell status-failed excused"[^>]*><a href="#result-1">deviation \(failed\)<\/a>/);
    expect(row('TOKEN-CASE')).toMatch(/status-inconclusive.*! inconclusive.*blocks the verdict/);
    expect(row('DRYRUN')).toMatch(/status-error.*error/);
  });

  it('links failed, inconclusive and crashed cells to their sections, by their place in the report', () => {
    expect(row('LOST-RESPONSE')).toMatch(/<a href="#result-0">✗ failed<\/a>/);
    expect(row('TOKEN-CASE')).toContain('href="#result-4"');
    expect(row('SAME-RESPONSE')).not.toContain('href=');
  });

  it('says "not run" where a rule has no result for an action', () => {
    expect(row('SAME-RESPONSE')).toContain('<td class="cell not-run">not run</td>');
  });

  it('every link in the page has its section', () => {
    const page = toHtml(sampleReport(rules));
    const targets = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const id of targets) expect(page).toContain(`id="${id}"`);
  });
});

describe('differences that broke "same response"', () => {
  const first = answer('r-0aaa', ['i-1']);

  it('reads the paths and both values back from the message the rule wrote', () => {
    const message = sameResponseMessage(first, answer('r-0bbb', ['i-1']));
    expect(parseDifferences(message)).toEqual([{ path: '/reservationId', first: { kind: 'text', text: 'r-0aaa' }, second: { kind: 'text', text: 'r-0bbb' } }]);
    expect(parseDifferences('expected exactly 1 instance, found 2')).toEqual([]);
  });

  it('marks the differing element in both answers, and nothing else', () => {
    const second = answer('r-0bbb', ['i-1']);
    const message = sameResponseMessage(first, second);
    expect(markedLines(first, message)).toEqual(['<reservationId>r-0aaa</reservationId>']);
    expect(markedLines(second, message)).toEqual(['<reservationId>r-0bbb</reservationId>']);
  });

  it('marks a whole list item that one answer has and the other lacks', () => {
    const message = sameResponseMessage(answer('r-1', ['i-1', 'i-2']), answer('r-1', ['i-1']));
    expect(parseDifferences(message)[0]).toMatchObject({ path: '/instancesSet/item[1]', second: { kind: 'absent' } });
    expect(markedLines(answer('r-1', ['i-1', 'i-2']), message)).toEqual(['<item>', '<instanceId>i-2</instanceId>', '<clientToken>tok</clientToken>', '</item>']);
  });

  it('matches a single item with the first of a list, and marks only the differing field', () => {
    const message = sameResponseMessage(answer('r-1', ['i-1']), answer('r-1', ['i-9']));
    expect(markedLines(answer('r-1', ['i-1']), message)).toEqual(['<instanceId>i-1</instanceId>']);
  });

  it('marks only the tags of a different root element', () => {
    const message = 'replay 1: not the same response (1 difference(s): (root element): RunInstancesResponse → OtherResponse)';
    const lines = markedLines(answer('r-1', ['i-1']), message);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^<RunInstancesResponse/);
    expect(lines[1]).toBe('</RunInstancesResponse>');
  });

  it('reads up to three differences, with arrows, semicolons and quotes inside values', () => {
    const message = 'x: not the same response (4 difference(s): /a: "p → q; /b" → "r"; /b[1]/c: (absent) → {"d":"e"}; /f: "g\\"h" → "i...)';
    expect(parseDifferences(message)).toEqual([
      { path: '/a', first: { kind: 'text', text: 'p → q; /b' }, second: { kind: 'text', text: 'r' } },
      { path: '/b[1]/c', first: { kind: 'absent' }, second: { kind: 'other', shown: '{"d":"e"}' } },
      { path: '/f', first: { kind: 'text', text: 'g"h' }, second: { kind: 'other', shown: '"i...' } },
    ]);
  });

  it('counts every difference the rule found, named or not', () => {
    expect(differenceCount('replay 1: not the same response (7 difference(s): /a: "b" → "c")')).toBe(7);
    expect(differenceCount('expected exactly 1 instance')).toBe(0);
  });

  it('the failure section shows what differed and marks it in the transcript', () => {
    const second = answer('r-0bbb', ['i-1']);
    const result: RuleResult = {
      ...passed,
      status: 'failed',
      failure: {
        message: sameResponseMessage(first, second),
        input: '{ token: "a" }',
        seed: 1,
        path: '0',
        shrinks: 0,
        transcript: [attempt({ at: 0, response: { status: 200, body: first } }), attempt({ at: 40, response: { status: 200, body: second } })],
        replay: replayOf('SAME-RESPONSE', 'RunInstances', '0'),
      },
    };
    const html = failureHtml(result, 2);
    expect(html).toContain('id="result-2"');
    expect(html).toContain('<td><code>/reservationId</code></td><td><code>r-0aaa</code></td><td><code>r-0bbb</code></td>');
    expect(html.match(/<mark>&lt;reservationId&gt;/g)).toHaveLength(2);
    expect(html).toContain(`<code id="result-2-replay">${replayOf('SAME-RESPONSE', 'RunInstances', '0')}</code>`);
    expect(html).toMatch(/<button type="button" class="copy" data-copy="result-2-replay" hidden>Copy<\/button>/);
    expect(html).not.toContain('<svg'); // one after the other: no timeline
  });
});

describe('the timeline', () => {
  const lost = failed.failure!.transcript;
  const race: AttemptRecord[] = [
    attempt({ at: 0, durationMs: 70, response: { status: 200, body: answer('r-1', ['i-1']) } }),
    attempt({ at: 2, durationMs: 68, response: { status: 400, body: '<Response><Errors><Error><Code>IdempotentParameterMismatch</Code></Error></Errors></Response>' } }),
    attempt({ at: 75, durationMs: 5, response: { status: 200, body: answer('r-1', ['i-1'], 'DescribeInstancesResponse') } }),
  ];

  it('is drawn for LOST-RESPONSE and CONCURRENT-DUPLICATES, and for any case whose attempts overlap', () => {
    expect(wantsTimeline(failed)).toBe(true); // LOST-RESPONSE, one attempt after the other
    expect(wantsTimeline({ ...passed, status: 'failed', failure: { ...failed.failure!, transcript: race } })).toBe(true);
    expect(wantsTimeline({ ...passed, status: 'failed', failure: failed.failure })).toBe(false);
    expect(wantsTimeline({ ...failed, failure: { ...failed.failure!, transcript: [] } })).toBe(false);
  });

  it('tells overlapping attempts from sequential ones', () => {
    expect(overlapping(race)).toBe(true);
    expect(overlapping(lost)).toBe(false);
    expect(overlapping([])).toBe(false);
  });

  it('has one lane per attempt, a bar from its start for its duration, labelled with what came back and the fault', () => {
    const svg = timelineSvg(lost);
    expect(svg.match(/<g class="tl-lane">/g)).toHaveLength(3);
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]) }));
    expect(bars).toHaveLength(3);
    // 0, 150 and 420 ms: in order, and in proportion.
    expect(bars[0]!.x).toBeLessThan(bars[1]!.x);
    expect(bars[1]!.x).toBeLessThan(bars[2]!.x);
    expect((bars[1]!.x - bars[0]!.x) / (bars[2]!.x - bars[0]!.x)).toBeCloseTo(150 / 420, 2);
    expect(bars[1]!.width).toBeGreaterThan(0); // a 0 ms attempt is still visible
    expect(svg).toContain('200, then ✗ UND_ERR_SOCKET · ⚡ drop-response');
    expect(svg).toContain('✗ ECONNREFUSED · ⚡ refuse');
    expect(svg).toMatch(/#3 RunInstances/);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2); // the two attempts with a fault
  });

  it('orders lanes by start and keeps the transcript numbering; an error answer names its code', () => {
    const finishedOrder = [race[1]!, race[0]!, race[2]!];
    const svg = timelineSvg(finishedOrder);
    const labels = [...svg.matchAll(/class="tl-lane-label">([^<]+)</g)].map((m) => m[1]);
    expect(labels).toEqual(['#2 RunInstances', '#1 RunInstances', '#3 RunInstances']);
    expect(svg).toContain('400 IdempotentParameterMismatch');
  });

  it('escapes what it shows', () => {
    const svg = timelineSvg([attempt({ at: 0, fault: ATTACK, failure: { code: ATTACK, message: 'x' } })]);
    expect([...tagsIn(svg)].filter((tag) => !OWN_TAGS.has(tag))).toEqual([]);
  });
});

describe('the page', () => {
  const html = toHtml(sampleReport());

  it('starts with the verdict and the level', () => {
    const banner = html.slice(html.indexOf('<header class="banner">'), html.indexOf('</header>'));
    expect(banner).toContain('data-conformance="not-conformant"');
    expect(banner).toContain('<span class="verdict-words">Not conformant</span>');
    expect(banner).toMatch(/class="level status-skipped" data-level="none"/);
    expect(html.indexOf('banner')).toBeLessThan(html.indexOf('class="grid"'));
  });

  it('is self-contained: no external script, style, font or image', () => {
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
  });

  it('lists failures worst first: violations, then what blocks the verdict, then deviations', () => {
    const order = [...html.matchAll(/<section class="failure border-\w+" id="(result-\d+)"/g)].map((m) => m[1]);
    // report order: 0 TOKEN-FORMAT (deviation), 1 TOKEN-CASE (inconclusive), 2 SAME-RESPONSE, 3 LOST-RESPONSE (failed), 4 ACCOUNT-SCOPE, 5 DRYRUN (error, SHOULD)
    expect(order).toEqual(['result-3', 'result-1', 'result-5', 'result-0']);
  });

  it('shows the run facts', () => {
    const facts = html.slice(html.indexOf('<section class="run-facts">'));
    for (const fact of ['>267<', 'requests', 'resources created', 'left behind', '10.8 s', '<code>42</code>', '<code>seed</code>', 'http://127.0.0.1:4566/', `version ${RULE_CATALOGUE_VERSION}`, 'ec2-idempotency-conformance 0.1.0']) {
      expect(facts).toContain(fact);
    }
  });

  it('reads without scripts and in print: copy buttons hidden until the script shows them, print rules present', () => {
    expect(html).toMatch(/<button[^>]*hidden>Copy<\/button>/);
    expect(html).toContain('button.hidden = false');
    expect(html).toContain('navigator.clipboard');
    expect(html).toContain('@media print');
    // Nothing is folded away; the one thing hidden is the copy button, in print.
    expect(html).not.toContain('<details');
    expect(withoutPrintRules(html)).not.toMatch(/display:\s*none|visibility:\s*hidden/);
    expect(html).toMatch(/@media print\{[^@]*button\{display:none\}/);
  });
});
