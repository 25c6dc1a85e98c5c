import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { userData } from '../../generators/userData.ts';

describe('userData', () => {
  test.prop([userData()])('is canonical base64 of a one-line-or-more shell script', (value) => {
    expect(value).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const script = Buffer.from(value, 'base64').toString('utf8');
    expect(Buffer.from(script).toString('base64')).toBe(value);
    expect(script).toMatch(/^#!\/bin\/sh\n[\x20-\x7e]{1,48}\n$/);
  });
});
