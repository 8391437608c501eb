import { putFrames, type FrameInput } from '../cache/frameRepository';
import type { Cache } from '../cache/openCache';
import type { FrameStoreReply, FrameStoreRequest } from './frameStoreMessages';

/** Stores frames, all or none (see `putFrames`). */
export type FrameStore = (frames: readonly FrameInput[]) => Promise<void>;

/** Time allowed for the worker to start and open the database. */
const OPEN_TIMEOUT_MS = 10_000;

/** The buffers behind the frames, each once: moved to the worker, not copied. */
function transferList(frames: readonly FrameInput[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const f of frames) {
    const buffer = f.bytes instanceof ArrayBuffer ? f.bytes : f.bytes.buffer;
    if (buffer instanceof ArrayBuffer) buffers.add(buffer);
  }
  return [...buffers];
}

function replyError(reply: Extract<FrameStoreReply, { type: 'failed' }>): Error {
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}

/**
 * Starts the frame store worker (frameStoreWorker.ts) over `cache`'s database and keys, for the
 * page's lifetime; frames handed to the store it returns are moved to the worker (their buffers are detached from the caller), sealed
 * and written there. Undefined when the page cannot run it (no Worker, or the worker cannot open
 * the database): callers then store on the page's thread. Should the worker die later, the frames
 * it was writing are reported failed and the next ones are stored on the page's thread.
 */
export async function startFrameStoreWorker(cache: Cache): Promise<FrameStore | undefined> {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./frameStoreWorker.ts', import.meta.url), { type: 'module', name: 'garde-frame-store' });
  } catch (error) {
    console.warn('frame store worker unavailable, frames are stored on the page thread:', error instanceof Error ? error.message : error);
    return undefined;
  }
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let dead: Error | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not open after ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
    pending.set(0, { resolve: () => (clearTimeout(timer), resolve()), reject: (error) => (clearTimeout(timer), reject(error)) });
  });
  worker.addEventListener('message', (event: MessageEvent<FrameStoreReply>) => {
    const reply = event.data;
    const id = reply.type === 'opened' ? 0 : reply.id;
    const waiter = pending.get(id);
    pending.delete(id);
    if (reply.type === 'failed') waiter?.reject(replyError(reply));
    else waiter?.resolve();
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    dead = new Error(`the frame store worker failed: ${event.message || 'could not run'}`);
    console.warn(dead.message);
    for (const waiter of pending.values()) waiter.reject(dead);
    pending.clear();
  });
  const post = (request: FrameStoreRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);
  post({ type: 'open', dbName: cache.db.name, keys: cache.cipher.keys() });
  try {
    await opened;
  } catch (error) {
    worker.terminate();
    console.warn('frame store worker unavailable, frames are stored on the page thread:', error instanceof Error ? error.message : error);
    return undefined;
  }
  return (frames) => {
    if (dead) return putFrames(cache, frames);
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        post({ type: 'put', id, now: cache.now(), frames: [...frames] }, transferList(frames));
      } catch (error) {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  };
}
