/**
 * What one attempt ended with. Outcomes are values: a spec matches on `kind`, nothing throws.
 * `ok` and `ec2-error` are well-formed EC2 answers; `malformed` is an answer that is not one;
 * `transport-failure` means no complete answer arrived (the request may or may not have run).
 */
export type Outcome = Ok | Ec2Error | Malformed | TransportFailure;

/** A parsed XML element: leaves are strings, `<x><item/>…</x>` lists are arrays under `item`. */
export type XmlNode = string | { readonly [element: string]: XmlNode | readonly XmlNode[] };

export interface Ok {
  readonly kind: 'ok';
  readonly status: number;
  /** The root element, e.g. `RunInstancesResponse`. */
  readonly root: string;
  readonly requestId: string | undefined;
  /** The content of the root element. */
  readonly body: XmlNode;
}

export interface Ec2Error {
  readonly kind: 'ec2-error';
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly requestId: string | undefined;
  /** `ec2`: `<Response><Errors><Error>`; `query`: the awsQuery `<ErrorResponse>` some emulators send. */
  readonly envelope: 'ec2' | 'query';
}

export interface Malformed {
  readonly kind: 'malformed';
  readonly status: number;
  /** Why this is not an EC2 answer, in one line. */
  readonly reason: string;
  /** The first characters of the body, for the transcript. */
  readonly snippet: string;
}

export interface TransportFailure {
  readonly kind: 'transport-failure';
  /** A stable code: the undici / Node error code, or `TIMEOUT`. */
  readonly code: string;
  readonly message: string;
  /**
   * False only when the request certainly never reached the endpoint (refused, DNS);
   * otherwise the endpoint may have acted on it and the caller must read back.
   */
  readonly maybeCommitted: boolean;
}

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'ok':
      return `${outcome.status} ${outcome.root}`;
    case 'ec2-error':
      return `${outcome.status} ${outcome.code}`;
    case 'malformed':
      return `${outcome.status} malformed (${outcome.reason})`;
    case 'transport-failure':
      return `transport failure ${outcome.code}`;
  }
}
