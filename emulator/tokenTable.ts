// Every bound token, kept for the life of the emulator: tokens outlive the termination or
// deletion of what they created (facts R4), so nothing here ever expires.
import { KeyedMutex } from './keyedMutex.ts';
import type { TokenKey } from './tokenKey.ts';
import type { XmlNode } from './xml.ts';
import type { RequestContext } from './context.ts';

/** What a token-taking request committed, able to answer again. */
export interface Committed {
  /** The answer: for the first response and, with the current states, for every replay. */
  render(ctx: RequestContext, replay: boolean): XmlNode;
  /** True once everything the request created is going or gone for good (e.g. terminated instances). */
  isRetired?(now: number): boolean;
}

export interface TokenEntry {
  action: string;
  fingerprint: string;
  accountId: string;
  committed: Committed;
}

export class TokenTable {
  /** Serializes requests per token key. */
  readonly mutex = new KeyedMutex();
  private readonly entries = new Map<string, TokenEntry>();
  private readonly byKeyWithoutAccount = new Map<string, TokenEntry[]>();
  private readonly sighted = new Set<string>();

  get(key: TokenKey): TokenEntry | undefined {
    return this.entries.get(key.full);
  }

  /** Another account's entry for the same token and parameters (only a seeded bug looks here). */
  findInOtherAccounts(key: TokenKey, accountId: string, action: string, fingerprint: string): TokenEntry | undefined {
    return this.byKeyWithoutAccount
      .get(key.withoutAccount)
      ?.find((entry) => entry.accountId !== accountId && entry.action === action && entry.fingerprint === fingerprint);
  }

  bind(key: TokenKey, entry: TokenEntry): void {
    const previous = this.entries.get(key.full);
    if (previous) this.unindex(key, previous);
    this.entries.set(key.full, entry);
    const others = this.byKeyWithoutAccount.get(key.withoutAccount) ?? [];
    others.push(entry);
    this.byKeyWithoutAccount.set(key.withoutAccount, others);
  }

  forget(key: TokenKey): void {
    const entry = this.entries.get(key.full);
    if (entry === undefined) return;
    this.entries.delete(key.full);
    this.unindex(key, entry);
  }

  /** True the first time `key` is asked about. */
  firstSighting(key: TokenKey): boolean {
    if (this.sighted.has(key.full)) return false;
    this.sighted.add(key.full);
    return true;
  }

  private unindex(key: TokenKey, entry: TokenEntry): void {
    const remaining = (this.byKeyWithoutAccount.get(key.withoutAccount) ?? []).filter((other) => other !== entry);
    if (remaining.length === 0) this.byKeyWithoutAccount.delete(key.withoutAccount);
    else this.byKeyWithoutAccount.set(key.withoutAccount, remaining);
  }
}
