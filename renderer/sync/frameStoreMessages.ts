import type { CacheCipherKeys } from '../cache/crypto/cacheCipher';
import type { FrameInput } from '../cache/frameRepository';

/** What the page asks of the frame store worker (see frameStoreWorker.ts). */
export type FrameStoreRequest =
  /** Opens the cache database `dbName` with the page's cipher keys; answered by `opened` or `failed` (id 0). */
  | { type: 'open'; dbName: string; keys: CacheCipherKeys }
  /** Stores frames with `putFrames` at the page's clock `now`; answered by `stored` or `failed` with the same id. */
  | { type: 'put'; id: number; now: number; frames: FrameInput[] };

/** What the frame store worker answers. */
export type FrameStoreReply =
  | { type: 'opened' }
  | { type: 'stored'; id: number }
  /** `name` is the error's (a DOMException's `QuotaExceededError` stays recognisable). */
  | { type: 'failed'; id: number; name: string; message: string };
