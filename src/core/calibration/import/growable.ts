// Columns of numbers that grow by doubling: a million rows cost a few typed arrays, not a million objects.

type NumberArray = Int32Array | Uint32Array | Float64Array | Float32Array | Uint8Array;

export class GrowableColumn<T extends NumberArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: new (length: number) => T,
    capacity = 1024,
  ) {
    this.data = new make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const larger = new this.make(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }

  /** The values so far (a view: later pushes may or may not show in it). */
  values(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Strings to small integers in order of first appearance (customer ids, channels, categories). */
export class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  intern(value: string): number {
    let found = this.index.get(value);
    if (found === undefined) {
      found = this.values.length;
      this.index.set(value, found);
      this.values.push(value);
    }
    return found;
  }

  find(value: string): number | undefined {
    return this.index.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}
