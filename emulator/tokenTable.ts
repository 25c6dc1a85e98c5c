// Every bound token, kept for the life of the emulator: tokens outlive the termination or
// deletion of what they created (REF-RETENTION), so nothing here ever expires on its own. The bind time
// and order are recorded only so that seeded bugs can forget tokens; nothing correct reads them.
import { KeyedMutex } from './keyedMutex.ts';
import type { TokenKey } from './tokenKey.ts';
import type { XmlNode } from './xml.ts';
import type { RequestContext } from './context.ts';

/** What a token-taking request committed, able to answer again. */
export interface Committed {
  /** The answer: for the first response and, with the current states, for every replay. */
  render(ctx: RequestContext, replay: boolean): XmlNode;
  /**
   * True once everything the request created is going or gone for good (terminated instances, a
   * deleted launch template).
   */
  isRetired?(now: number): boolean;
}

export interface TokenEntry {
  action: string;
  fingerprint: string;
  accountId: string;
  /** The caller's region, whatever the key says (a seeded bug may leave it out of the key). */
  region: string;
  committed: Committed;
}

interface Binding {
  key: TokenKey;
  entry: TokenEntry;
  /** Emulator clock at the bind. */
  boundAt: number;
  /** Bind sequence number: orders binds made within one clock tick. */
  order: number;
}

export class TokenTable {
  /** Serializes requests per token key. */
  readonly mutex = new KeyedMutex();
  private readonly bindings = new Map<string, Binding>();
  private readonly byKeyWithoutAccount = new Map<string, TokenEntry[]>();
  private readonly sighted = new Set<string>();
  private binds = 0;

  get(key: TokenKey): TokenEntry | undefined {
    return this.bindings.get(key.full)?.entry;
  }

  /** When `key` was last bound (emulator clock, ms); undefined when it is not bound. */
  boundAt(key: TokenKey): number | undefined {
    return this.bindings.get(key.full)?.boundAt;
  }

  /** Keys whose entries satisfy `which`, least recently bound first. */
  keysByBindOrder(which: (entry: TokenEntry) => boolean): TokenKey[] {
    return [...this.bindings.values()]
      .filter((binding) => which(binding.entry))
      .sort((a, b) => a.order - b.order)
      .map((binding) => binding.key);
  }

  /** Another account's entry for the same token and parameters (only a seeded bug looks here). */
  findInOtherAccounts(key: TokenKey, accountId: string, action: string, fingerprint: string): TokenEntry | undefined {
    return this.byKeyWithoutAccount
      .get(key.withoutAccount)
      ?.find((entry) => entry.accountId !== accountId && entry.action === action && entry.fingerprint === fingerprint);
  }

  bind(key: TokenKey, entry: TokenEntry, boundAt: number): void {
    const previous = this.bindings.get(key.full);
    if (previous) this.unindex(key, previous.entry);
    this.binds += 1;
    this.bindings.set(key.full, { key, entry, boundAt, order: this.binds });
    const others = this.byKeyWithoutAccount.get(key.withoutAccount) ?? [];
    others.push(entry);
    this.byKeyWithoutAccount.set(key.withoutAccount, others);
  }

  forget(key: TokenKey): void {
    const binding = this.bindings.get(key.full);
    if (binding === undefined) return;
    this.bindings.delete(key.full);
    this.unindex(key, binding.entry);
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
