// One queue per key: work for a key runs only after every earlier work for that key has settled,
// so two requests with one client token can never both miss the lookup and both create.

export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** True while some work for `key` is running or queued. */
  isHeld(key: string): boolean {
    return this.tails.has(key);
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      // Drop the entry once the queue is empty, so memory does not grow with every token ever seen.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
