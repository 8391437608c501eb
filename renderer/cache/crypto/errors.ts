import { GardeError } from '../../../app/ipc/errors';

/**
 * The cache was encrypted with another key (key lost, keychain changed, another user's profile):
 * nothing in it can be read, and nothing is returned from it. The UI offers a reset (`resetCache`),
 * which deletes the cache; its studies are downloaded again.
 */
export class CacheKeyMismatchError extends GardeError {
  constructor(message = 'the local cache was encrypted with another key; reset the cache to use it again') {
    super('CACHE_KEY_MISMATCH', message);
    this.name = 'CacheKeyMismatchError';
  }
}

/** One record of the cache cannot be decrypted (damaged, or moved under another key); the others stay readable. */
export class CacheRecordError extends GardeError {
  constructor(
    readonly table: string,
    /** The instance the record belongs to, when it belongs to one. */
    readonly SOPInstanceUID: string | undefined,
    /** The frame number, for a frame record. */
    readonly frame?: number,
  ) {
    super(
      'CACHE_RECORD_UNREADABLE',
      `cached ${table} record${SOPInstanceUID ? ` of instance ${SOPInstanceUID}` : ''}${frame !== undefined ? ` frame ${frame}` : ''} cannot be decrypted`,
    );
    this.name = 'CacheRecordError';
  }
}
