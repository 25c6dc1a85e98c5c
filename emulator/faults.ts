// Legitimate server-side faults (503s, throttling, a 500 after commit), drawn from a seeded PRNG
// so that a run with the same seed and the same request order injects the same faults.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { BugSwitch } from './bugs.ts';
import { Ec2Fault } from './errors.ts';
import type { FaultOptions } from './options.ts';

export interface FaultCounts {
  unavailable: number;
  throttled: number;
  commitThen500: number;
}

// xoroshiro128plus keeps only the low 32 bits of its seed, but a run seed may be any safe integer:
// folding the high bits in keeps seeds 5 and 2**32 + 5 apart. Seeds that fit in 32 bits are
// unchanged, so their fault sequences stay what they were.
export function prngSeed(seed: number): number {
  const high = Math.trunc(seed / 2 ** 32) | 0;
  return (seed | 0) ^ Math.imul(high, 0x9e37_79b1);
}

export class FaultInjector {
  readonly counts: FaultCounts = { unavailable: 0, throttled: 0, commitThen500: 0 };
  private readonly rng;

  constructor(
    private readonly options: FaultOptions,
    private readonly bugs: BugSwitch,
  ) {
    this.rng = xoroshiro128plus(prngSeed(options.seed));
  }

  // A rate of 0 draws nothing, so enabling one fault does not reshuffle the others' choices.
  private draw(rate: number): boolean {
    return rate > 0 && uniformFloat64(this.rng) < rate;
  }

  /** The fault to answer before the request is looked at, if any. */
  beforeDispatch(): Ec2Fault | undefined {
    if (this.draw(this.options.unavailableRate)) {
      this.counts.unavailable += 1;
      return new Ec2Fault('Unavailable', 'The server is overloaded and cannot handle the request');
    }
    if (this.draw(this.options.throttleRate)) {
      this.counts.throttled += 1;
      const status = this.bugs.on('throttle-as-400') ? 400 : undefined;
      return new Ec2Fault('RequestLimitExceeded', 'Request limit exceeded.', status);
    }
    return undefined;
  }

  /** Whether this committed create answers 500 instead of its response. */
  failAfterCommit(): boolean {
    const fail = this.draw(this.options.commitThen500Rate);
    if (fail) this.counts.commitThen500 += 1;
    return fail;
  }
}
