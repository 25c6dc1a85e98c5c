import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, parseRequest } from '../../emulator/request.ts';
import type { RawHttpRequest } from '../../emulator/request.ts';

const FORM = 'Action=RunInstances&Version=2016-11-15&TagSpecification.1.Tag.1.Value=web%201+%26%20co&ClientToken=a%2Bb';

function post(body: string | Buffer, contentType?: string): RawHttpRequest {
  return { method: 'POST', url: '/', headers: contentType ? { 'content-type': contentType } : {}, body: Buffer.from(body) };
}

function codeOf(request: RawHttpRequest): string | undefined {
  try {
    parseRequest(request);
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('parseRequest', () => {
  it('gives the same parameters for GET and POST, with or without charset', () => {
    const fromGet = parseRequest({ method: 'GET', url: `/?${FORM}`, headers: {}, body: new Uint8Array() }).params;
    expect([...fromGet]).toEqual([...parseRequest(post(FORM, 'application/x-www-form-urlencoded')).params]);
    expect([...fromGet]).toEqual([...parseRequest(post(FORM, 'application/x-www-form-urlencoded; charset=utf-8')).params]);
    expect(fromGet.get('TagSpecification.1.Tag.1.Value')).toBe('web 1 & co');
    expect(fromGet.get('ClientToken')).toBe('a+b');
  });

  it('keeps the received order, lower-cases header names and joins repeated headers', () => {
    const parsed = parseRequest({ method: 'post', url: '/?X-Amz-Date=1', headers: { 'X-Custom': ['a', 'b'] }, body: Buffer.from('B=2&A=1') });
    expect([...parsed.params.keys()]).toEqual(['X-Amz-Date', 'B', 'A']);
    expect(parsed.queryParams).toEqual([['X-Amz-Date', '1']]);
    expect(parsed.headers['x-custom']).toBe('a,b');
    expect(parsed.method).toBe('POST');
  });

  it.each([
    ['a body over the limit', { ...post('x'), bodyTooLarge: true }, 'RequestEntityTooLarge'],
    ['an unsupported method', { method: 'PUT', url: '/', headers: {}, body: new Uint8Array() }, 'InvalidRequest'],
    ['a JSON content type', post('{}', 'application/json'), 'InvalidRequest'],
    ['a malformed escape', post('Action=%E0%A4%A'), 'InvalidRequest'],
    ['an escape that is not UTF-8', post('Action=%FF'), 'InvalidRequest'],
    ['raw bytes that are not UTF-8', post(Buffer.from([0x41, 0x3d, 0xc3, 0x28])), 'InvalidRequest'],
    ['a parameter without a name', post('=value'), 'InvalidRequest'],
    ['a repeated parameter', post('A=1&A=2'), 'InvalidRequest'],
  ])('refuses %s', (_, request, code) => {
    expect(codeOf(request as RawHttpRequest)).toBe(code);
  });

  it('limits bodies to 1 MiB', () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });
});
