/** `1 attempt`, `3 attempts`: counts in reports are read by people, so they get the right noun. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
