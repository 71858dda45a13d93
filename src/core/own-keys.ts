/**
 * Names users give (environments, services, targets, keys of `name=value` inputs) are looked
 * up in maps. In a plain object `constructor`, `toString` or `__proto__` find something
 * through the prototype, so a made-up name would pass a lookup and skip the rules of the
 * real entry. Maps built from user text therefore have no prototype.
 */

/** An empty map that finds only what was put into it. */
export function ownMap<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** The value stored under `key` itself, never one inherited from a prototype. */
export function ownValue<V>(map: Record<string, V> | undefined, key: string): V | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A deep copy of parsed data whose plain objects have no prototype. */
export function withoutPrototypes<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutPrototypes(item)) as T;
  if (value === null || typeof value !== "object") return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy = ownMap<unknown>();
  for (const [key, item] of Object.entries(value)) copy[key] = withoutPrototypes(item);
  return copy as T;
}
