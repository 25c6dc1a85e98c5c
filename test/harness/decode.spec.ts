import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { decode, field, items, text } from '../../harness/decode.ts';
import type { RawExchange } from '../../harness/send.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const exchange = (status: number, body: string, truncated = false): RawExchange => ({ kind: 'exchange', status, headers: {}, body, truncated });

describe('decode: success', () => {
  it('keeps ids, tokens and tag values as strings and one-item lists as lists', () => {
    const outcome = decode(exchange(200, fixture('run-instances.xml')));
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    expect(outcome.root).toBe('RunInstancesResponse');
    expect(outcome.requestId).toBe('59dbff89-35bd-4eac-99ed-be587EXAMPLE');
    expect(text(outcome.body, 'ownerId')).toBe('012345678901');
    const [instance] = items(outcome.body, 'instancesSet');
    expect(text(instance, 'clientToken')).toBe('007');
    expect(text(field(instance, 'instanceState'), 'code')).toBe('0');
    expect(items(instance, 'tagSet')).toEqual([{ key: 'Name', value: '1e5' }]);
    expect(items(outcome.body, 'groupSet')).toEqual([]);
  });

  it('keeps spaces at either end of a value (a token may begin or end with one)', () => {
    const outcome = decode(exchange(200, '<R>\n  <requestId>r</requestId>\n  <clientToken> a b </clientToken>\n</R>'.replace('<R>', '<RunInstancesResponse>').replace('</R>', '</RunInstancesResponse>')));
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(text(outcome.body, 'clientToken')).toBe(' a b ');
    expect(outcome.body).toEqual({ requestId: 'r', clientToken: ' a b ' });
  });

  it('reads a minified DescribeInstances answer with two instances in one reservation', () => {
    const outcome = decode(exchange(200, fixture('describe-instances.xml')));
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const [reservation] = items(outcome.body, 'reservationSet');
    expect(items(reservation, 'instancesSet').map((i) => text(i, 'instanceId'))).toEqual(['i-1234567890abcdef0', 'i-0598c7d356eba48d7']);
  });
});

describe('decode: errors', () => {
  it('turns the EC2 error envelope into a typed error with status, code, message and RequestID', () => {
    expect(decode(exchange(400, fixture('idempotent-parameter-mismatch.xml')))).toEqual({
      kind: 'ec2-error',
      status: 400,
      code: 'IdempotentParameterMismatch',
      message: 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
      requestId: 'ea966190-f9aa-478e-9ede-example',
      envelope: 'ec2',
    });
  });

  it('accepts the awsQuery ErrorResponse envelope some emulators send, and says so', () => {
    const outcome = decode(exchange(400, fixture('query-error-response.xml')));
    expect(outcome).toMatchObject({ kind: 'ec2-error', code: 'InvalidAction', envelope: 'query', requestId: '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE' });
  });
});

describe('decode: garbage is a value, never a throw', () => {
  it.each([
    ['an HTML error page', 503, fixture('html-503.html'), /not well-formed|unexpected root <html>/],
    ['an empty body', 500, '', /empty body/],
    ['a truncated document', 200, fixture('run-instances.xml').slice(0, 300), /not well-formed/],
    ['plain text', 502, 'Bad Gateway', /not well-formed|root/],
    ['JSON', 200, '{"Reservations":[]}', /not well-formed|root/],
    ['a success document with an error status', 500, fixture('run-instances.xml'), /unexpected root/],
    ['an error envelope without a code', 400, '<Response><Errors><Error><Message>x</Message></Error></Errors></Response>', /unexpected root/],
  ])('%s', (_name, status, body, reason) => {
    const outcome = decode(exchange(status, body));
    expect(outcome.kind).toBe('malformed');
    if (outcome.kind === 'malformed') expect(outcome.reason).toMatch(reason);
  });

  it('an over-size body', () => {
    expect(decode(exchange(200, '<a>', true))).toMatchObject({ kind: 'malformed', reason: 'body larger than the size limit' });
  });

  test.prop([fc.string({ maxLength: 300 }), fc.integer({ min: 100, max: 599 })])('any body and status decode without throwing', (body, status) => {
    expect(['ok', 'ec2-error', 'malformed']).toContain(decode(exchange(status, body)).kind);
  });
});

// Per body: what fast-xml-parser 5.12.1's XMLParser does on its own (decode's options give the same
// column), and what decode makes of it as an answer to RunInstances with HTTP 200. The parser never
// compares a closing tag with its opening tag and stops quietly at the end of input, so most broken
// bodies parse: decode runs XMLValidator first.
const R = 'RunInstancesResponse';
const brokenOrOdd: ReadonlyArray<readonly [string, string, 'parses' | 'throws', 'ok' | 'malformed', RegExp]> = [
  ['an unclosed root', `<${R}><requestId>r</requestId>`, 'parses', 'malformed', /^not well-formed XML: Unclosed tag 'RunInstancesResponse'\./],
  ['a body cut inside a value (parsed as an empty id)', `<${R}><reservationId>r-1`, 'parses', 'malformed', /^not well-formed XML: Unclosed tags 'RunInstancesResponse', 'reservationId'\.$/],
  ['an unclosed inner element', `<${R}><a><b>x</b></${R}>`, 'parses', 'malformed', /Expected closing tag 'a' .* instead of closing tag 'RunInstancesResponse'/],
  ['mismatched closing tags <a><b></a>', '<a><b></a>', 'parses', 'malformed', /Expected closing tag 'b' .* instead of closing tag 'a'/],
  ['a closing tag of another case', `<${R}><requestId>r</requestID></${R}>`, 'parses', 'malformed', /Expected closing tag 'requestId'/],
  ['crossed closing tags', `<${R}><a><b>x</a></b></${R}>`, 'parses', 'malformed', /Expected closing tag 'b'/],
  ['a closing tag never opened, after the root', `<${R}><a>x</a></${R}></x>`, 'parses', 'malformed', /Closing tag 'x' has not been opened/],
  ['text after the root', `<${R}><a>x</a></${R}>junk`, 'parses', 'malformed', /Extra text at the end/],
  ['two roots', `<${R}><a>x</a></${R}><${R}><a>y</a></${R}>`, 'parses', 'malformed', /Multiple possible root nodes/],
  ['two roots, the second self-closed (the validator misses it)', `<${R}><a>x</a></${R}><${R}/>`, 'parses', 'malformed', /^XML without a single root element$/],
  ['two roots of different names, the second self-closed', `<${R}><a>x</a></${R}><Other/>`, 'parses', 'malformed', /^XML without a single root element$/],
  ['a body cut in a tag name', `<${R}><requestId>r</requestId><reserv`, 'throws', 'malformed', /Unclosed tags 'RunInstancesResponse', 'reserv'/],
  ['a body cut in the closing tag name of the root', `<${R}><a>x</a></RunInstancesRes`, 'throws', 'malformed', /Closing tag 'RunInstancesRes' doesn't have proper closing/],
  ['a body cut in an attribute value', `<${R} xmlns="http://ec2.amaz`, 'throws', 'malformed', /Attributes for 'RunInstancesResponse' have open quote/],
  ['a body cut inside CDATA', `<${R}><a><![CDATA[abc`, 'throws', 'malformed', /Unclosed tags 'RunInstancesResponse', 'a'/],
  ['a body cut inside a comment', `<${R}><a>x</a><!-- abc`, 'throws', 'malformed', /Unclosed tag 'RunInstancesResponse'/],
  ['a self-closed root cut before its ">" (the validator misses it)', `<${R}/`, 'throws', 'malformed', /^not well-formed XML: readTagExp returned undefined/],
  ['an XML declaration only', '<?xml version="1.0" encoding="UTF-8"?>', 'parses', 'malformed', /^not well-formed XML: Start tag expected\.$/],
  ['a body cut inside the XML declaration', '<?xml version="1.0" enc', 'throws', 'malformed', /Start tag expected/],
  ['an empty element written <x/>', `<${R}><requestId>r</requestId><groupSet/></${R}>`, 'parses', 'ok', /^$/],
  ['a self-closed root', `<${R}/>`, 'parses', 'ok', /^$/],
  ['complete CDATA and a comment', `<${R}><!-- c --><a><![CDATA[x<y]]></a></${R}>`, 'parses', 'ok', /^$/],
  ['whitespace and a comment after the root', `<${R}><a>x</a></${R}>\n<!-- c -->\n`, 'parses', 'ok', /^$/],
  ['a namespace prefix on the root', `<ec2:${R} xmlns:ec2="u"><ec2:a>x</ec2:a></ec2:${R}>`, 'parses', 'ok', /^$/],
];

describe('decode: only complete answers count', () => {
  const plainParser = new XMLParser();

  it.each(brokenOrOdd)('%s', (_name, body, parserAlone, kind, reason) => {
    let parserThrows = false;
    try {
      plainParser.parse(body);
    } catch {
      parserThrows = true;
    }
    expect(parserThrows ? 'throws' : 'parses', 'fast-xml-parser on its own').toBe(parserAlone);
    const outcome = decode(exchange(200, body), 'RunInstances');
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'malformed') {
      expect(outcome.reason).toMatch(reason);
      expect(outcome.reason).not.toContain('\n');
    }
  });

  it('keeps the content of an empty element and of a self-closed root', () => {
    const emptyList = decode(exchange(200, `<${R}><groupSet/></${R}>`), 'RunInstances');
    expect(emptyList).toMatchObject({ kind: 'ok', root: R, body: { groupSet: '' } });
    expect(decode(exchange(200, `<${R}/>`), 'RunInstances')).toMatchObject({ kind: 'ok', root: R, body: '' });
  });

  it.each([
    ['run-instances.xml', 200],
    ['describe-instances.xml', 200],
    ['idempotent-parameter-mismatch.xml', 400],
    ['query-error-response.xml', 400],
  ] as const)('%s cut anywhere short of its end is malformed', (name, status) => {
    const whole = fixture(name);
    const accepted: number[] = [];
    for (let length = 1; length < whole.trimEnd().length; length += 1) {
      if (decode(exchange(status, whole.slice(0, length))).kind !== 'malformed') accepted.push(length);
    }
    expect(accepted).toEqual([]);
    expect(decode(exchange(status, whole)).kind).not.toBe('malformed');
  });
});

describe('decode: the answer of the action that was called', () => {
  it('takes a success only under <ActionResponse>', () => {
    expect(decode(exchange(200, fixture('run-instances.xml')), 'RunInstances')).toMatchObject({ kind: 'ok', root: R });
    expect(decode(exchange(200, fixture('describe-instances.xml')), 'DescribeInstances')).toMatchObject({ kind: 'ok', root: 'DescribeInstancesResponse' });
    expect(decode(exchange(200, fixture('describe-instances.xml')), 'RunInstances')).toMatchObject({
      kind: 'malformed',
      reason: 'unexpected root <DescribeInstancesResponse> with HTTP 200 (expected <RunInstancesResponse>)',
    });
  });

  it('without an action, takes any …Response root, as before', () => {
    expect(decode(exchange(200, fixture('describe-instances.xml')))).toMatchObject({ kind: 'ok', root: 'DescribeInstancesResponse' });
    expect(decode(exchange(200, '<TerminateInstancesResponse><requestId>t</requestId></TerminateInstancesResponse>'))).toMatchObject({ kind: 'ok', requestId: 't' });
  });

  it('a 2xx without the action\'s root is malformed: HTML, a bare <Response>, no Response at all', () => {
    for (const body of ['<html><body>ok</body></html>', '<Response><requestId>r</requestId></Response>', '<RunInstances><requestId>r</requestId></RunInstances>']) {
      expect(decode(exchange(200, body), 'RunInstances')).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/^unexpected root </) });
    }
  });

  it.each([
    ['the EC2 envelope', 'idempotent-parameter-mismatch.xml', 'IdempotentParameterMismatch', 'ec2'],
    ['the awsQuery envelope', 'query-error-response.xml', 'InvalidAction', 'query'],
  ] as const)('%s is an error whatever the action, with 4xx, 5xx and (as today) 2xx', (_name, file, code, envelope) => {
    for (const action of ['RunInstances', 'DescribeInstances', undefined]) {
      for (const status of [400, 503, 200]) {
        expect(decode(exchange(status, fixture(file)), action)).toMatchObject({ kind: 'ec2-error', status, code, envelope });
      }
    }
  });
});
