import type { Cache } from './openCache';

/** One setting's value (undefined when never set). */
export async function getSetting(cache: Cache, key: string): Promise<unknown> {
  return (await cache.db.settings.get(key))?.value;
}

/** Several settings' values, in the order of `keys`. */
export async function getSettings(cache: Cache, keys: readonly string[]): Promise<unknown[]> {
  return (await cache.db.settings.bulkGet([...keys])).map((r) => r?.value);
}

/** Keeps settings (each `key` to its `value`, undefined clearing it to the default). */
export async function putSettings(cache: Cache, values: Record<string, unknown>): Promise<void> {
  await cache.db.settings.bulkPut(Object.entries(values).map(([key, value]) => ({ key, value })));
}
