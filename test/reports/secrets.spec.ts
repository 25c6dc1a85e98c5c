import { hostname, userInfo } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toJson } from '../../reports/json.ts';
import { toJUnit } from '../../reports/junit.ts';
import { toMarkdown } from '../../reports/markdown.ts';
import type { RunReport } from '../../reports/model.ts';
import { progressLine } from '../../reports/progress.ts';
import { hostile } from './fixtures/hostile.ts';
import { sampleReport } from './fixtures/sampleReport.ts';

// The model is redacted before it reaches the writers (harness/redact.ts). These tests pin the
// other half: a writer adds nothing of its own from the environment, the clock or the machine.

const writers: [string, (report: RunReport) => string][] = [
  ['json', toJson],
  ['junit', (report) => toJUnit(report)],
  ['markdown', (report) => toMarkdown(report)],
  ['progress', (report) => report.rules.map(progressLine).join('\n')],
];

/** Words the writers themselves contribute (headings, labels); anything else must come from the model. */
const VOCABULARY = ['conformant', 'documented', 'deviations', 'transcript', 'characters', 'conformance', 'testsuites', 'properties'];

const CANARY = 'CANARYsecret0123456789abcdef';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe.each(writers)('%s writer', (_name, write) => {
  const report = sampleReport([...sampleReport().rules, hostile]);

  it('renders the same text whatever the environment, the clock or the time zone', () => {
    const before = write(report);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', CANARY);
    vi.stubEnv('AWS_SESSION_TOKEN', CANARY);
    vi.stubEnv('TZ', 'Pacific/Chatham');
    vi.useFakeTimers({ now: new Date('2031-02-03T04:05:06Z') });
    const after = write(report);
    expect(after).toBe(before);
    expect(after).not.toContain(CANARY);
  });

  it('contains no machine details', () => {
    const text = write(report);
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain(hostname());
    const user = userInfo().username;
    if (user.length >= 5) expect(text).not.toContain(user);
  });

  it('contains no long word that is neither in the model nor in the writer vocabulary', () => {
    const model = JSON.stringify(report).toLowerCase();
    const words = write(report).toLowerCase().match(/[a-z0-9]{10,}/g) ?? [];
    const foreign = [...new Set(words)].filter((word) => !model.includes(word) && !VOCABULARY.includes(word));
    expect(foreign).toEqual([]);
  });
});
