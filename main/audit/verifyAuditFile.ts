import { createReadStream } from 'node:fs';
import { ChainVerifier, type ChainVerification, type HashFn } from '../../app/audit';
import { sha256Hex } from './sha256Hex';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies an audit log file by streaming it line by line (see `verifyChain`
 * in app/audit). Lines must be valid UTF-8 and end with `\n`; a last line
 * without one is reported as an interrupted write.
 *
 * @returns the chain verification (1-based line of the first broken record)
 * @throws the file system error when the file cannot be read (e.g. ENOENT)
 */
export async function verifyAuditFile(path: string, hashFn: HashFn = sha256Hex): Promise<ChainVerification> {
  const verifier = new ChainVerifier(hashFn);
  let pending: Buffer[] = [];
  const feed = (bytes: Buffer): boolean => {
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      verifier.fail(verifier.verifiedCount + 1, 'not valid UTF-8');
      return false;
    }
    return verifier.next(text) === undefined;
  };

  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, newline));
      const line = Buffer.concat(pending);
      pending = [];
      start = newline + 1;
      if (!feed(line)) return verifier.result();
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) {
    verifier.fail(verifier.verifiedCount + 1, 'last line has no newline (interrupted write?)');
  }
  return verifier.result();
}
