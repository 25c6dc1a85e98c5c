// One kind of resource of one (account, region), by id, in creation order. Deleting removes the
// entry: what a deleted resource answered lives on only in the token table's committed answers.

/** What every stored resource has: an id and the emulator time it was created (eventual consistency reads it). */
export interface StoredResource {
  readonly id: string;
  readonly createdAt: number;
}

export class ResourceTable<T extends StoredResource> {
  private readonly byId = new Map<string, T>();

  add(resource: T): void {
    this.byId.set(resource.id, resource);
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** True when `id` was present. */
  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  values(): IterableIterator<T> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }
}
