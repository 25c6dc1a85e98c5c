import fc from 'fast-check';

/** Two identities of different accounts, in either order: who creates first, who reuses the token. */
export function accountPair<I>(identities: readonly [I, I]): fc.Arbitrary<readonly [I, I]> {
  const [a, b] = identities;
  return fc.constantFrom([a, b] as const, [b, a] as const);
}
