import { Session } from '../harness/exchange.ts';
import { HarnessError } from '../harness/errors.ts';
import { resolveTarget, type TargetConfig } from '../harness/target.ts';

/**
 * One DescribeRegions per endpoint before anything else: an endpoint that cannot be reached at all
 * is a configuration problem (exit 2, one line), not a conformance failure. Any HTTP answer, even
 * an error, proves it is there.
 */
export async function checkReachable(config: TargetConfig): Promise<void> {
  const target = resolveTarget({ ...config, timeoutMs: Math.min(config.timeoutMs ?? 10_000, 5000) });
  const session = new Session(target);
  try {
    const byEndpoint = new Map(target.regions.map((region) => [region.endpoint.href, region]));
    for (const region of byEndpoint.values()) {
      const outcome = await session.exchange({ action: 'DescribeRegions', params: {} }, { region });
      if (outcome.kind === 'transport-failure') {
        throw new HarnessError('EC2IDEM_UNREACHABLE', `endpoint ${region.endpoint.href} is unreachable (${outcome.code}: ${outcome.message})`);
      }
    }
  } finally {
    await session.close();
  }
}
