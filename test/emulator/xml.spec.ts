import { describe, expect, it } from 'vitest';
import { renderError, renderSuccess, xmlList } from '../../emulator/xml.ts';

describe('xml', () => {
  it('renders the error envelope with RequestID and no namespace', () => {
    expect(renderError({ code: 'IdempotentParameterMismatch', message: 'a < b & c' }, 'req-1')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>IdempotentParameterMismatch</Code><Message>a &lt; b &amp; c</Message></Error></Errors><RequestID>req-1</RequestID></Response>',
    );
  });

  it('renders requestId first, lists as item, empty lists self-closed, and leaves out undefined', () => {
    const xml = renderSuccess('DescribeThings', 'req-2', { thingSet: xmlList([{ id: 'a' }, { id: 'b' }]), groupSet: xmlList([]), absent: undefined, flag: false });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><DescribeThingsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-2</requestId>' +
        '<thingSet><item><id>a</id></item><item><id>b</id></item></thingSet><groupSet/><flag>false</flag></DescribeThingsResponse>',
    );
  });

  it('replaces characters XML 1.0 cannot carry instead of producing a broken document', () => {
    expect(renderSuccess('X', 'r', { value: 'a\u0001b\tc' })).toContain('<value>a\uFFFDb\tc</value>');
  });
});
