import { CacheCipher } from '../cache/crypto/cacheCipher';
import { putFrames } from '../cache/frameRepository';
import type { Cache } from '../cache/openCache';
import { CacheDb } from '../cache/schema';
import type { FrameStoreReply, FrameStoreRequest } from './frameStoreMessages';

/**
 * The frame store worker: seals (AES-GCM) and writes (IndexedDB) the frames a prefetch receives,
 * on a thread of its own, so that the page's thread reads and cuts the next part of the stream
 * meanwhile. Same database and cipher keys as the page (handed over by `open`; the cache's key
 * check was verified by the page), same `putFrames`, hence the same records.
 */
const scope = globalThis as unknown as {
  postMessage(message: FrameStoreReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FrameStoreRequest>) => void): void;
};

let cache: Cache | undefined;
/** The page's clock at the request being written (the page's clock may be injected). */
let now = Date.now();

function failed(id: number, error: unknown): FrameStoreReply {
  const name = error instanceof Error || error instanceof DOMException ? error.name : 'Error';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  return { type: 'failed', id, name, message };
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'open') {
    const db = new CacheDb(request.dbName);
    db.open().then(
      () => {
        cache = { db, cipher: CacheCipher.fromKeys(request.keys), now: () => now, openStudies: new Set(), close: () => db.close() };
        scope.postMessage({ type: 'opened' });
      },
      (error: unknown) => scope.postMessage(failed(0, error)),
    );
    return;
  }
  if (!cache) return scope.postMessage(failed(request.id, new Error('the frame store is not open')));
  now = request.now;
  putFrames(cache, request.frames).then(
    () => scope.postMessage({ type: 'stored', id: request.id }),
    (error: unknown) => scope.postMessage(failed(request.id, error)),
  );
});
