/**
 * Undo and redo of the Lab's design changes. Values are treated as immutable snapshots (a LabDoc
 * is plain JSON, and the forms replace it rather than edit it), so the history keeps references,
 * not copies. Memory stays bounded: at most `limit` undo steps and as many redo steps.
 */

/** How two values are compared before a push: equal values add no step. */
export type SameValue<T> = (a: T, b: T) => boolean;

/** The fewest undo steps any history keeps, whatever limit it is given. */
export const MIN_UNDO_STEPS = 50;

export class UndoHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private present: T;
  readonly limit: number;

  /**
   * `limit`: undo steps kept (the oldest go first), never below MIN_UNDO_STEPS. `same` defaults
   * to a structural compare of plain data that stops at shared references, so an unchanged form
   * costs almost nothing to compare.
   */
  constructor(
    initial: T,
    limit = 100,
    private readonly same: SameValue<T> = plainDataEqual,
  ) {
    this.present = initial;
    this.limit = Math.max(MIN_UNDO_STEPS, Math.floor(Number.isFinite(limit) ? limit : MIN_UNDO_STEPS));
  }

  get current(): T {
    return this.present;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Steps available each way, for tests and for labels such as "Undo (3)". */
  get depth(): { undo: number; redo: number } {
    return { undo: this.past.length, redo: this.future.length };
  }

  /** Records a new value; a value equal to the current one is ignored. Returns whether it counted. */
  push(next: T): boolean {
    if (this.same(this.present, next)) return false;
    this.past.push(this.present);
    if (this.past.length > this.limit) this.past.shift();
    this.present = next;
    // A new change starts a new branch: what was undone can no longer be redone.
    this.future = [];
    return true;
  }

  undo(): T | null {
    if (this.past.length === 0) return null;
    const previous = this.past.pop() as T;
    this.future.push(this.present);
    this.present = previous;
    return this.present;
  }

  redo(): T | null {
    if (this.future.length === 0) return null;
    const next = this.future.pop() as T;
    this.past.push(this.present);
    this.present = next;
    return this.present;
  }

  /** Starts over from `value` (a loaded design): nothing to undo or redo. */
  reset(value: T): void {
    this.present = value;
    this.past = [];
    this.future = [];
  }
}

/** Deep equality of JSON-like data (objects, arrays, primitives); identical references are equal at once. */
export function plainDataEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!plainDataEqual(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(rb, key) || !plainDataEqual(ra[key], rb[key])) return false;
  }
  return true;
}
