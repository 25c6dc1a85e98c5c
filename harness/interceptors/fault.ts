import { setTimeout as delay } from 'node:timers/promises';
import { errors, type Dispatcher } from 'undici';
import type { FaultStep } from '../../generators/faultPlan.ts';
import { FAULT_LABEL, type TranscriptSink } from '../transcript.ts';
import { requestRecord } from './record.ts';


/** Hands out one step per attempt; the owner loads a plan before a call and clears it after. */
export class FaultSchedule {
  private steps: FaultStep[] = [];
  /** Attempts that carried a fault so far: answers they produced are the suite's own doing. */
  injected = 0;

  load(plan: readonly FaultStep[]): void {
    this.steps = [...plan];
  }

  clear(): void {
    this.steps = [];
  }

  next(): FaultStep {
    const step = this.steps.shift() ?? { kind: 'pass' };
    if (step.kind !== 'pass') this.injected += 1;
    return step;
  }
}

type Handler = Dispatcher.DispatchHandler;
type Controller = Dispatcher.DispatchController;

const SYNTHETIC: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  'replace-500': { status: 500, code: 'InternalError', message: 'An internal error has occurred (fault-injected).' },
  'replace-503': { status: 503, code: 'Unavailable', message: 'The server is overloaded (fault-injected).' },
  'replace-throttle': { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded (fault-injected).' },
};

/**
 * Injects the schedule's faults into the client's own dispatcher: no proxy, any endpoint. Every
 * callback is forwarded explicitly (copying a handler object would lose its class methods).
 */
export function faultInterceptor(schedule: FaultSchedule, sink?: TranscriptSink): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const step = schedule.next();
    const labelled = { ...opts, [FAULT_LABEL]: step.kind === 'pass' ? undefined : describeStep(step) } as Dispatcher.DispatchOptions;
    switch (step.kind) {
      case 'pass':
        return dispatch(opts, handler);
      case 'delay':
        void delay(step.ms).then(() => dispatch(labelled, handler));
        return true;
      case 'refuse':
        // Never dispatched, so the recorder below never sees it: record it here.
        sink?.add({ request: requestRecord(opts), failure: { code: 'ECONNREFUSED', message: 'refused (fault-injected)' }, fault: 'refuse', startedAt: new Date().toISOString(), durationMs: 0 });
        return refuse(handler);
      case 'replace-500':
      case 'replace-503':
      case 'replace-throttle':
        return dispatch(labelled, swallowing(handler, (c) => answerSynthetic(handler, c, SYNTHETIC[step.kind]!)));
      case 'drop-response':
        return dispatch(labelled, swallowing(handler, (c) => handler.onResponseError?.(c, new errors.SocketError('other side closed (fault-injected)'))));
      case 'reset-mid-body':
        return dispatch(labelled, breakingMidBody(handler));
      case 'timeout':
        return dispatch(labelled, timingOut(handler, step.afterMs));
    }
  };
}

export function describeStep(step: FaultStep): string {
  if (step.kind === 'timeout') return `timeout after ${step.afterMs} ms`;
  if (step.kind === 'delay') return `delay ${step.ms} ms`;
  return step.kind;
}

/** Lets the real exchange run to its end (so the connection stays reusable), then calls `instead`. */
function swallowing(handler: Handler, instead: (controller: Controller) => void): Handler {
  return {
    onRequestStart: (c, context) => handler.onRequestStart?.(c, context),
    onResponseStart: () => {},
    onResponseData: () => {},
    onResponseEnd: (c) => instead(c),
    onResponseError: (c, error) => handler.onResponseError?.(c, error),
  };
}

function answerSynthetic(handler: Handler, controller: Controller, fault: { status: number; code: string; message: string }): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${fault.code}</Code><Message>${fault.message}</Message></Error></Errors><RequestID>fault-injected</RequestID></Response>`;
  handler.onResponseStart?.(controller, fault.status, { 'content-type': 'text/xml;charset=UTF-8' }, '');
  handler.onResponseData?.(controller, Buffer.from(body));
  handler.onResponseEnd?.(controller, {});
}

/** Passes the status, headers and half of the first chunk, then fails as if the socket was reset. */
function breakingMidBody(handler: Handler): Handler {
  let broken = false;
  return {
    onRequestStart: (c, context) => handler.onRequestStart?.(c, context),
    onResponseStart: (c, status, headers, message) => handler.onResponseStart?.(c, status, headers, message),
    onResponseData: (c, chunk) => {
      if (broken) return;
      broken = true;
      handler.onResponseData?.(c, chunk.subarray(0, Math.floor(chunk.length / 2)));
    },
    onResponseEnd: (c) => handler.onResponseError?.(c, new errors.SocketError('connection reset mid-body (fault-injected)')),
    onResponseError: (c, error) => handler.onResponseError?.(c, error),
  };
}

/** The client stops waiting after `afterMs`; whatever the endpoint answers later is discarded. */
function timingOut(handler: Handler, afterMs: number): Handler {
  let settled = false;
  let controller: Controller | undefined;
  const giveUp = () => {
    if (settled || !controller) return;
    settled = true;
    handler.onResponseError?.(controller, new errors.HeadersTimeoutError());
  };
  return {
    onRequestStart: (c, context) => {
      controller = c;
      handler.onRequestStart?.(c, context);
      setTimeout(giveUp, afterMs);
    },
    // An answer that beats the timer is still discarded: the client has already decided to give up.
    onResponseStart: () => {},
    onResponseData: () => {},
    onResponseEnd: () => {},
    onResponseError: (c, error) => {
      if (settled) return;
      settled = true;
      handler.onResponseError?.(c, error);
    },
  };
}

function refuse(handler: Handler): boolean {
  const error = Object.assign(new Error('connect ECONNREFUSED (fault-injected)'), { code: 'ECONNREFUSED' });
  const controller: Controller = { aborted: false, paused: false, reason: null, abort() {}, pause() {}, resume() {} };
  queueMicrotask(() => handler.onResponseError?.(controller, error));
  return true;
}
