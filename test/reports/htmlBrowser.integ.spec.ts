import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../reports/html/escape.ts';
import { toHtml } from '../../reports/html/page.ts';
import type { RuleResult, RunReport } from '../../reports/model.ts';
import { runNode } from '../support/runNode.ts';
import { hostile } from './fixtures/hostile.ts';
import { attempt, sampleReport } from './fixtures/sampleReport.ts';

// report.html as a person sees it: a real headless Chromium opens the page a real run wrote (the
// embedded emulator with a seeded bug), and the DOM after rendering must show the verdict, the
// grid, each failure's transcript and replay command, and reference nothing outside the file.
// CI keeps the screenshot (conformance-report/report-screenshot.png).

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/ec2-idem-ts.js');
const SCREENSHOT = join(ROOT, 'conformance-report', 'report-screenshot.png');
const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', NO_COLOR: '1' };

/**
 * tokens-ignored breaks SAME-RESPONSE (answers differ), CONCURRENT-DUPLICATES and LOST-RESPONSE;
 * TOKEN-CASE is inconclusive; DRYRUN passes. RunInstances only: the first failure on the page (and
 * in the screenshot) is then SAME-RESPONSE's, with its differences marked.
 */
const RUN = ['run', '--emulator-bug', 'tokens-ignored', '--only', 'TOKEN-CASE,SAME-RESPONSE,LOST-RESPONSE,CONCURRENT-DUPLICATES,DRYRUN', '--action', 'RunInstances', '--seed', '7'];

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function findBrowser(): string | undefined {
  const named = process.env.EC2IDEM_CHROMIUM;
  if (named) return named;
  for (const name of BROWSERS) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not on PATH: try the next name
    }
  }
  return undefined;
}

const browser = findBrowser();
const allowMissing = process.env.EC2IDEM_ALLOW_NO_BROWSER === '1';
if (browser === undefined && allowMissing) {
  process.stderr.write('htmlBrowser.integ.spec.ts: SKIPPED: no headless Chromium on PATH and EC2IDEM_ALLOW_NO_BROWSER=1 (apt-get install -y chromium to run it)\n');
}

let work: string;
let report: RunReport;
let page: string;
let dom: string;

/** Runs headless Chromium once, with a profile of its own so runs never share state. */
async function chromium(args: readonly string[]): Promise<string> {
  const profile = await mkdtemp(join(work, 'profile-'));
  const { stdout } = await promisify(execFile)(
    browser!,
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`, ...args],
    { timeout: 60_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
  );
  return stdout;
}

const dumpDom = (file: string) => chromium(['--dump-dom', `file://${file}`]);

/** The section of the DOM a result's cell links to. */
function section(html: string, result: RuleResult): string {
  const index = report.rules.indexOf(result);
  const start = html.indexOf(`id="result-${index}"`);
  expect(start, `no section for ${result.rule} ${result.action}`).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
}

const failedResults = () => report.rules.filter((r) => r.status === 'failed');
const find = (rule: string, action = 'RunInstances') => report.rules.find((r) => r.rule === rule && r.action === action)!;

// Without a browser the test fails, one clear failure, unless skipping was asked for.
describe.runIf(browser === undefined && !allowMissing)('report.html in headless Chromium', () => {
  it('needs a headless Chromium', () => {
    throw new Error('no headless Chromium found (chromium, chromium-browser, google-chrome): install it (apt-get install -y chromium; .ci/run does), point EC2IDEM_CHROMIUM at one, or set EC2IDEM_ALLOW_NO_BROWSER=1 to skip');
  });
});

describe.skipIf(browser === undefined)('report.html in headless Chromium', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ec2idem-html-'));
    const run = await runNode(CLI, [...RUN, '--report-dir', join(work, 'report')], { env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(join(work, 'report', 'report.html'));
    report = JSON.parse(await readFile(join(work, 'report', 'report.json'), 'utf8')) as RunReport;
    page = await readFile(join(work, 'report', 'report.html'), 'utf8');
    dom = await dumpDom(join(work, 'report', 'report.html'));
  }, 180_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('the run broke the rules the seeded bug breaks', () => {
    expect(report.conformance).toBe('not-conformant');
    for (const rule of ['SAME-RESPONSE', 'CONCURRENT-DUPLICATES', 'LOST-RESPONSE']) expect(find(rule).status).toBe('failed');
  });

  it('shows the verdict and the level at the top', () => {
    const banner = dom.slice(dom.indexOf('<header class="banner">'), dom.indexOf('</header>'));
    expect(banner).toMatch(/data-conformance="not-conformant"><span class="verdict-label">Verdict<\/span><span class="verdict-words">Not conformant<\/span>/);
    expect(banner).toMatch(/data-level="none"><span class="verdict-label">Level<\/span><span class="verdict-words">none<\/span>/);
    expect(dom.indexOf('class="banner"')).toBeLessThan(dom.indexOf('class="grid"'));
  });

  it('shows the grid: every result in its rule × action cell, coloured and named, failures linked to their sections', () => {
    const grid = dom.slice(dom.indexOf('<table class="grid">'), dom.indexOf('</table>', dom.indexOf('<table class="grid">')));
    expect(grid.match(/<th scope="row">/g)).toHaveLength(new Set(report.rules.map((r) => r.rule)).size);
    expect(grid.match(/<td class="cell status-/g)).toHaveLength(report.rules.length);
    expect(grid.match(/status-failed/g)).toHaveLength(report.totals.failed);
    expect(grid).toContain('✓ passed');
    for (const id of [...grid.matchAll(/href="#(result-\d+)"/g)].map((m) => m[1])) expect(dom).toContain(`id="${id}"`);
  });

  it('shows each failure with its transcript and its replay command, with a working copy button', () => {
    expect(failedResults().length).toBeGreaterThanOrEqual(3);
    for (const result of failedResults()) {
      const html = section(dom, result);
      const index = report.rules.indexOf(result);
      expect(html).toContain(`<code id="result-${index}-replay">${escapeHtml(result.failure!.replay)}</code>`);
      // The script ran: the button is no longer hidden.
      expect(html).toContain(`<button type="button" class="copy" data-copy="result-${index}-replay">Copy</button>`);
      expect(html).toContain('<ol class="transcript">');
      expect(html.match(/<li class="attempt /g)).toHaveLength(result.failure!.transcript.length);
      expect(html).toContain(`<h4>Transcript (${result.failure!.transcript.length} attempt`);
    }
  });

  it('marks the differences that broke "same response" in the answers', () => {
    const html = section(dom, find('SAME-RESPONSE'));
    expect(html).toContain('<h4>What differed</h4>');
    expect(html.match(/<mark>/g)?.length ?? 0).toBeGreaterThanOrEqual(3); // the legend's sample and both answers
  });

  it('draws a timeline, a lane per attempt, for the concurrent and the lost-answer case', () => {
    for (const rule of ['CONCURRENT-DUPLICATES', 'LOST-RESPONSE']) {
      const result = find(rule);
      const svg = section(dom, result).match(/<svg class="timeline"[\s\S]*?<\/svg>/)?.[0] ?? '';
      expect(svg, rule).not.toBe('');
      expect(svg.match(/<g class="tl-lane">/g), rule).toHaveLength(result.failure!.transcript.length);
    }
  });

  it('references nothing outside the file (links to documentation pages only)', () => {
    for (const html of [page, dom]) {
      expect(html).not.toMatch(/<(link|img|iframe|object|embed|source|video|audio)\b/i);
      expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
      expect(html).not.toMatch(/\s(src|srcset|poster|data|action|formaction)="/i);
      expect(html).not.toMatch(/url\(|@import/i);
      const links = [...html.matchAll(/<(\w+)\b[^>]*\shref="([^"]*)"/g)].map((m) => ({ tag: m[1], href: m[2]! }));
      expect(links.length).toBeGreaterThan(0);
      for (const { tag, href } of links) {
        expect(tag).toBe('a');
        expect(href.startsWith('#') || href.startsWith('https://docs.aws.amazon.com/'), href).toBe(true);
      }
    }
  });

  it('reads the same with scripts off: only the copy buttons stay hidden', async () => {
    const noScript = join(work, 'no-script.html');
    await writeFile(noScript, page.replace(/<script>[\s\S]*?<\/script>/, ''));
    const without = await dumpDom(noScript);
    for (const result of failedResults()) {
      const html = section(without, result);
      expect(html).toContain(escapeHtml(result.failure!.replay));
      expect(html).toMatch(/<button [^>]*hidden="">Copy<\/button>/);
      expect(html).toContain('<ol class="transcript">');
    }
    expect(without).toContain('<table class="grid">');
  });

  it('prints to PDF', async () => {
    const pdf = join(work, 'report.pdf');
    await chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${join(work, 'report', 'report.html')}`]);
    expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('saves a screenshot for people to look at (conformance-report/report-screenshot.png)', async () => {
    await mkdir(join(ROOT, 'conformance-report'), { recursive: true });
    await chromium([`--screenshot=${SCREENSHOT}`, '--window-size=1280,2000', `file://${join(work, 'report', 'report.html')}`]);
    const png = await readFile(SCREENSHOT);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // A blank page compresses to a few kilobytes; this one has a banner, a grid and transcripts.
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(50_000);
    process.stdout.write(`report.html screenshot: ${SCREENSHOT}\n`);
  });

  it('keeps a hostile endpoint\'s answers as text: no element, script or request of theirs runs', async () => {
    const attack = `<script>document.title='pwned'</script><img src="https://evil.example/x.png"><b id="injected">bold</b>`;
    const result: RuleResult = {
      ...hostile,
      failure: {
        ...hostile.failure!,
        message: attack,
        replay: attack,
        transcript: [attempt({ at: 0, response: { status: 200, body: `<RunInstancesResponse><reservationId>${attack}</reservationId></RunInstancesResponse>` }, fault: attack })],
      },
    };
    const file = join(work, 'hostile.html');
    await writeFile(file, toHtml(sampleReport([result])));
    const html = await dumpDom(file);
    expect(html).not.toMatch(/<img|<b id="injected"|pwned<\/title>/);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;document.title=\'pwned\'&lt;/script&gt;');
  });
});
