/** FIFO of integers in a growable ring buffer (a backend's request queue): no allocation per item. */
export class IntQueue {
  private items = new Int32Array(16);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.items.length) {
      const next = new Int32Array(this.items.length * 2);
      for (let i = 0; i < this.count; i++) next[i] = this.items[(this.head + i) % this.items.length] as number;
      this.items = next;
      this.head = 0;
    }
    this.items[(this.head + this.count) % this.items.length] = value;
    this.count++;
  }

  /** Removes and returns the oldest item, or -1 when empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const value = this.items[this.head] as number;
    this.head = (this.head + 1) % this.items.length;
    this.count--;
    return value;
  }
}
