// EC2 is eventually consistent (REF-EVENTUAL-CONSISTENCY): right after a successful create, describe calls
// may not list the new resource yet and calls naming its id may answer NotFound. With
// `lifecycle.listingDelayMs` the emulator shows that window; the token table is not affected, so
// replays answer at once. Like instance states, the window is a pure function of the clock.
import type { LifecycleOptions } from './options.ts';

/** False while a resource created at `createdAt` is still too new to be listed or named. */
export function isListedAt(createdAt: number, now: number, lifecycle: Pick<LifecycleOptions, 'listingDelayMs'>): boolean {
  return lifecycle.listingDelayMs <= 0 || now - createdAt >= lifecycle.listingDelayMs;
}
