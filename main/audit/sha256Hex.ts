import { createHash } from 'node:crypto';
import type { HashFn } from '../../app/audit';

/** SHA-256 of the UTF-8 bytes of `text`, lower-case hex: the audit chain's hash function. */
export const sha256Hex: HashFn = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
