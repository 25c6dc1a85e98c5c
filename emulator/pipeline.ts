// One request through every stage: parse → pre-dispatch faults → auth → route → handle → render.
// Whatever happens inside, the answer is an EC2 response: Ec2Faults keep their code and status,
// anything else thrown becomes a 500 InternalError, and the server keeps serving.
import { authenticate, withoutAuthParams } from './auth.ts';
import type { RequestContext } from './context.ts';
import { Ec2Fault, internalError } from './errors.ts';
import { newRequestId } from './ids.ts';
import { parseRequest } from './request.ts';
import type { RawHttpRequest } from './request.ts';
import { route } from './router.ts';
import type { ActionTable } from './router.ts';
import type { EmulatorRuntime } from './runtime.ts';
import { renderError, renderSuccess } from './xml.ts';

export interface RawHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function dispatch(runtime: EmulatorRuntime, actions: ActionTable, raw: RawHttpRequest, requestId: string): Promise<string> {
  const request = parseRequest(raw);
  const fault = runtime.faults.beforeDispatch();
  if (fault) throw fault;
  const identity = await authenticate(request, runtime.options);
  const params = withoutAuthParams(request.params);
  const action = params.get('Action');
  const handler = route(actions, action);
  const ctx: RequestContext = {
    runtime,
    request,
    identity,
    action: action!,
    params,
    requestId,
    store: runtime.stores.get(identity.accountId, identity.region),
    now: () => runtime.options.clock.now(),
  };
  return renderSuccess(action!, requestId, await handler(ctx));
}

// Cut by code points, so no surrogate pair is split; server.ts sizes Content-Length from the cut body.
function firstHalf(body: string): string {
  const chars = Array.from(body);
  return chars.slice(0, Math.floor(chars.length / 2)).join('');
}

function asFault(runtime: EmulatorRuntime, error: unknown): Ec2Fault {
  if (error instanceof Ec2Fault) return error;
  runtime.counters.internalErrors += 1;
  return internalError();
}

export async function handleRequest(runtime: EmulatorRuntime, actions: ActionTable, raw: RawHttpRequest): Promise<RawHttpResponse> {
  runtime.counters.requests += 1;
  const requestId = newRequestId();
  let status = 200;
  let body: string;
  try {
    body = await dispatch(runtime, actions, raw, requestId);
  } catch (error) {
    const fault = asFault(runtime, error);
    status = fault.status;
    body = renderError(fault, requestId);
  }
  if (runtime.bugs.on('truncated-answers')) body = firstHalf(body);
  const latency = runtime.options.faults.responseLatencyMs;
  if (latency > 0) await sleep(latency);
  return {
    status,
    headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
    body,
  };
}
