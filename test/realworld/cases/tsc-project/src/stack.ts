export class Stack<T> {
  private items: T[] = [];
  constructor(private readonly limit = Infinity) {}
  push(item: T): this {
    if (this.items.length >= this.limit) throw new RangeError(`stack full (${this.limit})`);
    this.items.push(item);
    return this;
  }
  pop(): T | undefined { return this.items.pop(); }
  get size(): number { return this.items.length; }
  async *drain(): AsyncGenerator<T> {
    let x: T | undefined;
    while ((x = this.pop()) !== undefined) yield x;
  }
}
