import type { FileHandle } from 'node:fs/promises';

/** The end of a log file: its last line and whether the file ends with a newline. */
export interface FileTail {
  /** Last line without its terminator; `''` for an empty file. */
  lastLine: string;
  /** True when the file is empty or ends with `\n`. */
  endsWithNewline: boolean;
}

/**
 * Reads the last line of a file by reading backwards in blocks, so opening a
 * large log costs one line, not the whole file.
 */
export async function readLastLine(handle: FileHandle, blockSize = 64 * 1024): Promise<FileTail> {
  const { size } = await handle.stat();
  if (size === 0) return { lastLine: '', endsWithNewline: true };

  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  const endsWithNewline = last[0] === 0x0a;
  const end = endsWithNewline ? size - 1 : size;

  const blocks: Buffer[] = [];
  let position = end;
  while (position > 0) {
    const length = Math.min(blockSize, position);
    position -= length;
    const block = Buffer.alloc(length);
    await handle.read(block, 0, length, position);
    const newline = block.lastIndexOf(0x0a);
    if (newline >= 0) {
      blocks.unshift(block.subarray(newline + 1));
      break;
    }
    blocks.unshift(block);
  }
  return { lastLine: Buffer.concat(blocks).toString('utf8'), endsWithNewline };
}
