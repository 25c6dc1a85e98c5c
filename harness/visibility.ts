/**
 * What the run has learned about how late the endpoint lists what it created. EC2 is eventually
 * consistent (REF-EVENTUAL-CONSISTENCY, https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html):
 * a new resource may be missing from describe calls, and deletes naming it may answer NotFound,
 * for a while. Read-backs wait up to `windowMs` for what they expect; the longest lag seen so
 * far tells them how long to keep looking for late extras. One per run, shared by every rule.
 */
export class Visibility {
  private longestLagMs = 0;

  /**
   * @param windowMs how long a read-back waits for what it expects before it believes what it sees.
   */
  constructor(readonly windowMs: number) {}

  /** The longest time, seen in this run, between a create's answer and its resource being listed. */
  get lagMs(): number {
    return this.longestLagMs;
  }

  /** Records that something created at `createdAt` was first listed at `listedAt`, after a miss. */
  noteLag(createdAt: number, listedAt: number): void {
    this.longestLagMs = Math.min(this.windowMs, Math.max(this.longestLagMs, listedAt - createdAt));
  }
}

/** How long read-backs wait by default: a few seconds on this machine, tens of seconds elsewhere. */
export function defaultConsistencyWindowMs(isLoopback: boolean): number {
  return isLoopback ? 5_000 : 60_000;
}
