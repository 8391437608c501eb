/** A load shared by every caller of one key: its result, and how to stop it when nobody waits. */
interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

/** Loads shared by key: see {@link createSharedLoads}. */
export interface SharedLoads<T> {
  /**
   * The load of `key`: the one already running or done for that key, else `load` started now.
   * `signal` stops this caller's wait (it rejects with an AbortError); the load itself is aborted
   * only when every caller waiting for it has stopped waiting.
   */
  get(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Forgets every load (the next `get` of any key loads again). */
  clear(): void;
}

/**
 * Loads shared by key, kept once done for the `limit` keys used last: the screens of an open study
 * (its series list, its stack, the hanging protocol, a mammography grid's cells) that ask for the same
 * series' metadata read and decrypt it once. A load that fails, or whose value `keep` refuses (an
 * empty answer, perhaps only not there yet), is forgotten once settled, so the next call loads again.
 */
export function createSharedLoads<T>(limit: number, keep: (value: T) => boolean = () => true): SharedLoads<T> {
  const entries = new Map<string, Entry<T>>();
  const forget = (key: string, entry: Entry<T>) => entries.get(key) === entry && entries.delete(key);

  const start = (key: string, load: (signal: AbortSignal) => Promise<T>): Entry<T> => {
    const controller = new AbortController();
    const entry: Entry<T> = { promise: Promise.resolve(undefined as T), controller, waiting: 0, settled: false };
    entry.promise = load(controller.signal).then(
      (value) => {
        entry.settled = true;
        if (!keep(value)) forget(key, entry);
        return value;
      },
      (error: unknown) => {
        entry.settled = true;
        forget(key, entry);
        throw error;
      },
    );
    entries.set(key, entry);
    while (entries.size > limit) entries.delete(entries.keys().next().value!);
    return entry;
  };

  return {
    get(key, load, signal) {
      if (signal?.aborted) return Promise.reject(abortError());
      let entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      } else {
        entry = start(key, load);
      }
      const shared = entry;
      shared.waiting += 1;
      return new Promise<T>((resolve, reject) => {
        let waiting = true;
        const leave = () => {
          if (!waiting) return false;
          waiting = false;
          shared.waiting -= 1;
          signal?.removeEventListener('abort', stop);
          return true;
        };
        const stop = () => {
          if (!leave()) return;
          reject(abortError());
          if (shared.waiting === 0 && !shared.settled) {
            forget(key, shared);
            shared.controller.abort();
          }
        };
        signal?.addEventListener('abort', stop, { once: true });
        shared.promise.then(
          (value) => leave() && resolve(value),
          (error: unknown) => leave() && reject(error),
        );
      });
    },
    clear: () => entries.clear(),
  };
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}
