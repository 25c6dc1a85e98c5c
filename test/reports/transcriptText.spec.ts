import { describe, expect, it } from 'vitest';
import { prettyBody } from '../../reports/prettyBody.ts';
import { transcriptText } from '../../reports/transcriptText.ts';
import { attempt, lostResponseTranscript } from './fixtures/sampleReport.ts';

describe('transcriptText', () => {
  it('renders each attempt: request line, decoded form pairs, fault, status and body, client failure', () => {
    const text = transcriptText(lostResponseTranscript);
    const [first, second, third] = text.split('\n\n');
    expect(first?.split('\n').slice(0, 4)).toEqual([
      'attempt 1 of 3, at +0 ms, took 12 ms',
      '→ POST http://127.0.0.1:4566/',
      '  Action=RunInstances',
      '  Version=2016-11-15',
    ]);
    expect(first).toContain('  ClientToken=tok-é 1'); // percent-decoded, + and %20 as spaces
    expect(first).toContain('⚡ injected fault: drop-response\n← 200\n  <?xml');
    expect(first?.endsWith('✗ UND_ERR_SOCKET: other side closed (fault-injected)')).toBe(true);
    expect(second).toMatch(/^attempt 2 of 3, at \+150 ms, took 0 ms/);
    expect(second).not.toContain('←');
    expect(third).toMatch(/^attempt 3 of 3, at \+420 ms/);
  });

  it('is empty for an empty transcript', () => {
    expect(transcriptText([])).toBe('');
  });

  it('quotes a decoded value that would break the one-pair-per-line layout', () => {
    const text = transcriptText([attempt({ at: 0, request: { method: 'POST', url: 'u', headers: {}, body: 'ClientToken=a%0Ab&Tab=%09' } })]);
    expect(text).toContain('  ClientToken="a\\nb"');
    expect(text).toContain('  Tab="\\t"');
  });

  it('shows a body that is not form-encoded as it came, hidden characters made visible', () => {
    const text = transcriptText([attempt({ at: 0, request: { method: 'POST', url: 'u', headers: {}, body: '{"a": 1}\u0007' } })]);
    expect(text).toContain('  {"a": 1}\\u0007');
  });

  it('cuts bodies at maxBodyChars', () => {
    const body = 'x'.repeat(100);
    const text = transcriptText([attempt({ at: 0, response: { status: 503, body } })], { maxBodyChars: 10 });
    expect(text).toContain(`  ${'x'.repeat(10)}… (90 more characters in report.json)`);
  });

  it('omits the offset when a start time is unreadable', () => {
    expect(transcriptText([attempt({ at: 0, startedAt: 'garbage' } as never)])).toMatch(/^attempt 1 of 1, took 12 ms/);
  });
});

describe('prettyBody', () => {
  it('puts one XML element per line, leaf values inline, without rewriting anything', () => {
    expect(prettyBody('<?xml version="1.0"?><A x="1"><B>v &amp; w</B><C/><D><E>1</E></D></A>')).toBe(
      ['<?xml version="1.0"?>', '<A x="1">', '  <B>v &amp; w</B>', '  <C/>', '  <D>', '    <E>1</E>', '  </D>', '</A>'].join('\n'),
    );
  });

  it('indents JSON and leaves other text alone', () => {
    expect(prettyBody('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyBody('{not json')).toBe('{not json');
    expect(prettyBody('Service Unavailable')).toBe('Service Unavailable');
  });
});
