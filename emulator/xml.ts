// Rendering of EC2 Query answers with fast-xml-parser's XMLBuilder (REF-RESPONSES): a success
// root `<ActionResponse xmlns=…>` with `requestId` first, lists as `<fooSet><item>…`, and the error
// envelope `<Response><Errors><Error>…</Errors><RequestID>…`.
import { XMLBuilder } from 'fast-xml-parser';
import type { Ec2Fault } from './errors.ts';

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** An element's children in document order; undefined children are left out (by the builder), arrays repeat the element. */
export interface XmlNode {
  [element: string]: XmlValue;
}
export type XmlValue = string | number | boolean | undefined | XmlNode | XmlNode[] | string[];

/** `<fooSet><item>…</item></fooSet>`; an empty list renders self-closed (`<groupSet/>`). */
export function xmlList(items: XmlNode[]): XmlNode {
  return { item: items };
}

/** `<fooSet><item>text</item>…</fooSet>`, for lists of plain values (ids, CIDRs). */
export function xmlTextList(values: readonly string[]): XmlNode {
  return { item: [...values] };
}

// XML 1.0 cannot carry most control characters even escaped; echoing one would make the whole
// answer unparseable, so it is replaced rather than letting one stored value break every client.
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  processEntities: true,
  tagValueProcessor: (_name, value) => (typeof value === 'string' ? value.replace(FORBIDDEN_IN_XML, '\uFFFD') : value),
});

const DECLARATION = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };

export function renderSuccess(action: string, requestId: string, body: XmlNode): string {
  const root = { '@_xmlns': EC2_NAMESPACE, requestId, ...body };
  return builder.build({ ...DECLARATION, [`${action}Response`]: root });
}

export function renderError(fault: Pick<Ec2Fault, 'code' | 'message'>, requestId: string): string {
  const error = { Code: fault.code, Message: fault.message };
  return builder.build({ ...DECLARATION, Response: { Errors: { Error: error }, RequestID: requestId } });
}
