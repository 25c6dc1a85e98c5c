import type { Dispatcher } from 'undici';
import { redactHeaders, redactQuery } from '../redact.ts';
import { FAULT_LABEL, type AttemptRecord, type TranscriptSink } from '../transcript.ts';

const MAX_RECORDED_BODY = 16 * 1024;

/**
 * Keeps every attempt (request and what came back) for the report. It sits closest to the
 * network, under the fault interceptor, so it records what the endpoint really answered.
 */
export function recordInterceptor(sink: TranscriptSink): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    // The transcript of the case that sent this attempt, even if its answer arrives after the case ended.
    const file = sink.destination();
    if (file === undefined) return dispatch(opts, handler);
    const started = Date.now();
    const request = requestRecord(opts);
    const fault = (opts as { [FAULT_LABEL]?: string })[FAULT_LABEL];
    let status = 0;
    const chunks: Buffer[] = [];
    const finish = (extra: Partial<AttemptRecord>) =>
      file({ request, ...(fault ? { fault } : {}), startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, ...extra });
    return dispatch(opts, {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart: (controller, statusCode, headers, statusMessage) => {
        status = statusCode;
        handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      },
      onResponseData: (controller, chunk) => {
        chunks.push(chunk);
        handler.onResponseData?.(controller, chunk);
      },
      onResponseEnd: (controller, trailers) => {
        finish({ response: { status, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RECORDED_BODY) } });
        handler.onResponseEnd?.(controller, trailers);
      },
      onResponseError: (controller, error) => {
        const code = (error as { code?: string }).code ?? error.name;
        finish({ failure: { code, message: error.message } });
        handler.onResponseError?.(controller, error);
      },
    });
  };
}

/** The request side of an attempt, secrets redacted. */
export function requestRecord(opts: Dispatcher.DispatchOptions): AttemptRecord['request'] {
  return {
    method: String(opts.method),
    url: redactQuery(`${String(opts.origin ?? '')}${opts.path}`),
    headers: redactHeaders(plainHeaders(opts.headers)),
    body: typeof opts.body === 'string' ? opts.body : undefined,
  };
}

function plainHeaders(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  if (!headers) return {};
  if (Array.isArray(headers)) {
    const result: Record<string, string> = {};
    for (let i = 0; i + 1 < headers.length; i += 2) result[String(headers[i])] = String(headers[i + 1]);
    return result;
  }
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}
