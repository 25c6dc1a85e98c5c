import { describe, expect, it } from 'vitest';
import { Breaker } from '../../harness/breaker.ts';
import { RunAborted } from '../../harness/errors.ts';
import type { Outcome } from '../../harness/outcome.ts';

const ok: Outcome = { kind: 'ok', status: 200, root: 'DescribeRegionsResponse', requestId: 'r', body: '' };
const garbage: Outcome = { kind: 'malformed', status: 500, reason: 'not well-formed XML', snippet: '<html>' };
const hung: Outcome = { kind: 'transport-failure', code: 'TIMEOUT', message: 'no answer', maybeCommitted: true };

describe('Breaker', () => {
  it('trips when most recent answers, to several kinds of request, are not EC2; then every check throws', () => {
    const breaker = new Breaker({ window: 10, threshold: 0.7, minimum: 10 });
    let stopped = 0;
    breaker.whenTripped(() => (stopped += 1));
    for (let i = 0; i < 3; i += 1) breaker.record(ok, false, i < 2 ? 'DescribeInstances' : 'RunInstances');
    for (let i = 0; i < 6; i += 1) breaker.record(i % 2 ? garbage : hung, false, i % 2 ? 'RunInstances' : 'DescribeInstances');
    expect(breaker.cause).toBeUndefined();
    breaker.record(garbage, false, 'RunInstances');
    expect(breaker.cause).toMatch(/^7 of the last 10 answers, to 2 kinds of request, were not EC2 answers/);
    expect(stopped).toBe(1);
    expect(() => breaker.check()).toThrow(RunAborted);
  });

  it('one kind of request answered with garbage (an unsupported filter) is not a broken endpoint', () => {
    const breaker = new Breaker({ window: 10, threshold: 0.7, minimum: 10 });
    breaker.record(ok, false, 'DescribeInstances[client-token]');
    breaker.record(ok, false, 'RunInstances');
    for (let i = 0; i < 20; i += 1) breaker.record(garbage, false, 'DescribeInstances[client-token]');
    expect(breaker.cause).toBeUndefined();
    breaker.record(garbage, false, 'RunInstances');
    expect(breaker.cause).toBeDefined();
  });

  it('calls that never had an EC2 answer (not implemented) never count, however many kinds', () => {
    const breaker = new Breaker({ window: 10, threshold: 0.7, minimum: 10 });
    breaker.record(ok, false, 'RunInstances');
    for (let i = 0; i < 60; i += 1) breaker.record(garbage, false, ['DeleteTrafficMirrorFilter', 'DeleteLaunchTemplateVersions', 'DescribeInstances[client-token]'][i % 3]);
    expect(breaker.cause).toBeUndefined();
    // Once a kind has answered EC2, garbage from it counts again.
    breaker.record(ok, false, 'DescribeInstances');
    for (let i = 0; i < 10; i += 1) breaker.record(garbage, false, i % 2 ? 'DescribeInstances' : 'RunInstances');
    expect(breaker.cause).toMatch(/to 2 kinds of request/);
  });

  it('ignores the faults the suite injected, and waits for its minimum of answers', () => {
    const breaker = new Breaker({ window: 20, threshold: 0.5, minimum: 20 });
    for (let i = 0; i < 50; i += 1) breaker.record(hung, true, `kind${i}`);
    expect(breaker.cause).toBeUndefined();
    for (let i = 0; i < 10; i += 1) breaker.record(ok, false, `kind${i}`);
    for (let i = 0; i < 9; i += 1) breaker.record(garbage, false, `kind${i}`);
    expect(breaker.cause).toBeUndefined();
    breaker.record(garbage, false, 'kind9');
    expect(breaker.cause).toBeDefined();
  });

  it('forgets what left the window', () => {
    const breaker = new Breaker({ window: 4, threshold: 0.75, minimum: 4 });
    for (const kind of ['b1', 'b2', 'b3', 'b4', 'c']) breaker.record(ok, false, kind);
    for (const [outcome, kind] of [[garbage, 'b1'], [garbage, 'b2'], [ok, 'a'], [ok, 'a'], [ok, 'a'], [garbage, 'b3'], [garbage, 'b4']] as const) breaker.record(outcome, false, kind);
    expect(breaker.cause).toBeUndefined();
    breaker.record(garbage, false, 'c');
    expect(breaker.cause).toBeDefined();
  });
});
