/**
 * What the sandbox has read about a git object, keyed by its object name. An object never
 * changes once written, so nothing here goes stale; the bound only caps memory, dropping
 * the entry used least recently.
 */
const OBJECT_NAME = /^[0-9a-f]{40}$/;

export class ImmutableCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly maxEntries = 4_096) {}

  /** Whether `sha` names one object for certain (a short name or a ref name could move). */
  static cacheable(sha: string): boolean {
    return OBJECT_NAME.test(sha);
  }

  get<T>(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value as T;
  }

  set(key: string, value: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  /** The cached value for `key`, or `load()`'s (kept when `sha` names one object for certain). */
  async through<T>(sha: string, key: string, load: () => Promise<T>): Promise<T> {
    if (!ImmutableCache.cacheable(sha)) return load();
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await load();
    this.set(key, value);
    return value;
  }
}
