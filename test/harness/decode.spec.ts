import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
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
