// Every failure the emulator answers is an Ec2Fault: a stable EC2 error code, a message, and the
// HTTP status that code carries on the wire. Anything else thrown inside a handler is a bug in the
// emulator and is answered as a 500 InternalError by the pipeline.

/** HTTP status per EC2 error code; every code not listed is a client error (400). */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  AuthFailure: 401,
  UnauthorizedOperation: 403,
  DryRunOperation: 412,
  RequestEntityTooLarge: 413,
  InternalError: 500,
  Unavailable: 503,
  RequestLimitExceeded: 503,
};

/** The HTTP status real EC2 uses for `code` (observed; REF-RETRY-TABLE). */
export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 400;
}

// A plugin's emulator actions may throw Ec2Fault from another copy of the package (its compiled
// build while the emulator runs from sources): instanceof goes by a registry-wide symbol.
const EC2_FAULT = Symbol.for('ec2-idempotency-conformance:Ec2Fault');

/** An EC2 error answer: `<Response><Errors><Error><Code>…`. */
export class Ec2Fault extends Error {
  readonly code: string;
  readonly status: number;
  readonly [EC2_FAULT] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[EC2_FAULT] === true;
  }

  constructor(code: string, message: string, status: number = statusForCode(code)) {
    super(message);
    this.name = 'Ec2Fault';
    this.code = code;
    this.status = status;
  }
}

export function invalidParameterValue(message: string): Ec2Fault {
  return new Ec2Fault('InvalidParameterValue', message);
}

export function missingParameter(name: string): Ec2Fault {
  return new Ec2Fault('MissingParameter', `The request must contain the parameter ${name}`);
}

export function internalError(): Ec2Fault {
  return new Ec2Fault('InternalError', 'An internal error has occurred');
}
