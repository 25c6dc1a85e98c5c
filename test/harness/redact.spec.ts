import { describe, expect, it } from 'vitest';
import { redactAuthorization, redactHeaders, redactQuery, scrub } from '../../harness/redact.ts';

describe('redact', () => {
  it('keeps the scope of an Authorization header and drops the key id and signature', () => {
    const value = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE123/20260102/us-west-2/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=2ef2cd2d58';
    expect(redactAuthorization(value)).toBe(
      'AWS4-HMAC-SHA256 Credential=<redacted>/20260102/us-west-2/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=<redacted>',
    );
  });

  it('drops session tokens and query-string credentials', () => {
    expect(redactHeaders({ 'X-Amz-Security-Token': 'tok', host: 'h' })).toEqual({ 'X-Amz-Security-Token': '<redacted>', host: 'h' });
    expect(redactQuery('/?Action=X&X-Amz-Credential=AKID%2F1&X-Amz-Date=1&X-Amz-Signature=ab&X-Amz-Security-Token=t')).toBe(
      '/?Action=X&X-Amz-Credential=<redacted>&X-Amz-Date=1&X-Amz-Signature=<redacted>&X-Amz-Security-Token=<redacted>',
    );
  });

  it('scrubs known secret values from free text', () => {
    expect(scrub('failed for wJalrXUtnFEMI and AKID1234', ['wJalrXUtnFEMI', 'AKID1234', 'ab'])).toBe('failed for <redacted> and <redacted>');
  });
});
