/**
 * A Map whose `clear` costs nothing: the kernel clears the tags and attributes a journey sets for
 * every user (a million times a run), and V8's Map.prototype.clear allocates a fresh table each time.
 * Here every key ever set keeps its slot; an entry is live while its slot's stamp is the current
 * generation, and `clear` starts a new generation. Iteration follows this generation's insertion
 * order, as a Map's does.
 */
export class StampedMap<K, V> implements Map<K, V> {
  private readonly slotOf = new Map<K, number>();
  private readonly keyAt: K[] = [];
  private readonly valueAt: V[] = [];
  private readonly stampAt: number[] = [];
  /** This generation's live slots, in insertion order: `order[0 … count)` (kept allocated across clears). */
  private readonly order: number[] = [];
  private count = 0;
  private generation = 1;

  get size(): number {
    return this.count;
  }

  get [Symbol.toStringTag](): string {
    return 'StampedMap';
  }

  private live(key: K): number {
    const slot = this.slotOf.get(key);
    return slot !== undefined && this.stampAt[slot] === this.generation ? slot : -1;
  }

  get(key: K): V | undefined {
    const slot = this.live(key);
    return slot < 0 ? undefined : this.valueAt[slot];
  }

  has(key: K): boolean {
    return this.live(key) >= 0;
  }

  set(key: K, value: V): this {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.keyAt.length;
      this.slotOf.set(key, slot);
      this.keyAt.push(key);
      this.valueAt.push(value);
      this.stampAt.push(0);
    }
    if (this.stampAt[slot] !== this.generation) {
      this.stampAt[slot] = this.generation;
      if (this.count < this.order.length) this.order[this.count] = slot;
      else this.order.push(slot);
      this.count++;
    }
    this.valueAt[slot] = value;
    return this;
  }

  delete(key: K): boolean {
    const slot = this.live(key);
    if (slot < 0) return false;
    this.stampAt[slot] = 0;
    this.order.splice(this.order.indexOf(slot), 1);
    this.count--;
    return true;
  }

  clear(): void {
    if (this.count === 0) return;
    this.generation++;
    this.count = 0;
  }

  /** This generation's live slots in insertion order (a copy: a callback may change the map). */
  private slots(): number[] {
    return this.order.slice(0, this.count);
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const slot of this.slots()) callback.call(thisArg, this.valueAt[slot]!, this.keyAt[slot]!, this);
  }

  *entries(): MapIterator<[K, V]> {
    for (const slot of this.slots()) yield [this.keyAt[slot]!, this.valueAt[slot]!];
  }

  *keys(): MapIterator<K> {
    for (const slot of this.slots()) yield this.keyAt[slot]!;
  }

  *values(): MapIterator<V> {
    for (const slot of this.slots()) yield this.valueAt[slot]!;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
