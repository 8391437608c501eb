import { describe, expect, it } from 'vitest';
import type { FrameInput } from '../../../renderer/cache/frameRepository';
import { FrameWriter } from '../../../renderer/sync/frameWriter';

const MB = 1e6;

function frame(n: number, size = MB): FrameInput {
  return { nodeId: 'n', StudyInstanceUID: '1.2', SOPInstanceUID: `1.2.${n}`, frame: 1, contentType: 'application/octet-stream', bytes: new Uint8Array(size) };
}

/** A store that records each write and completes it when told. */
function recordingStore() {
  const writes: { frames: readonly FrameInput[]; done: () => void; fail: (e: Error) => void }[] = [];
  const store = (frames: readonly FrameInput[]) => new Promise<void>((resolve, reject) => writes.push({ frames, done: resolve, fail: reject }));
  return { writes, store };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('FrameWriter: grouped writes of a streamed retrieval', () => {
  it('writes nothing below the batch size, then one write of everything queued once it is reached', async () => {
    const { writes, store } = recordingStore();
    const writer = new FrameWriter(store, () => undefined, { minBatchBytes: 3 * MB, flushMs: 10_000 });
    await writer.add([frame(1)]);
    await writer.add([frame(2)]);
    expect(writes).toHaveLength(0);
    await writer.add([frame(3)]);
    expect(writes.map((w) => w.frames.map((f) => f.SOPInstanceUID))).toEqual([['1.2.1', '1.2.2', '1.2.3']]);
  });

  it('writes a group below the batch size after flushMs, and the rest at drain', async () => {
    const { writes, store } = recordingStore();
    const stored: number[] = [];
    const writer = new FrameWriter(store, (n) => stored.push(n), { minBatchBytes: 100 * MB, flushMs: 20 });
    await writer.add([frame(1), frame(2)]);
    expect(writes).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toHaveLength(1);
    writes[0]!.done();
    await writer.add([frame(3)]);
    const drained = writer.drain();
    await tick();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.frames.map((f) => f.SOPInstanceUID)).toEqual(['1.2.3']);
    writes[1]!.done();
    await drained;
    expect(stored).toEqual([2, 1]);
  });

  it('keeps at most maxInFlight writes running and holds the stream back above maxPendingBytes', async () => {
    const { writes, store } = recordingStore();
    const writer = new FrameWriter(store, () => undefined, { minBatchBytes: 1, maxInFlight: 2, maxPendingBytes: 3 * MB, flushMs: 10_000 });
    await writer.add([frame(1)]);
    await writer.add([frame(2)]);
    await writer.add([frame(3)]);
    expect(writes).toHaveLength(2);
    let returned = false;
    const fourth = writer.add([frame(4)]).then(() => (returned = true));
    await tick();
    expect(returned).toBe(false);
    writes[0]!.done();
    await fourth;
    expect(writes).toHaveLength(3);
    expect(writes[2]!.frames.map((f) => f.SOPInstanceUID)).toEqual(['1.2.3', '1.2.4']);
  });

  it('throws the first failed write from add and drain, and starts no other write after it', async () => {
    const { writes, store } = recordingStore();
    const writer = new FrameWriter(store, () => undefined, { minBatchBytes: 1, maxInFlight: 1, flushMs: 10_000 });
    await writer.add([frame(1)]);
    await writer.add([frame(2)]);
    writes[0]!.fail(new Error('QuotaExceededError: disk full'));
    await tick();
    await expect(writer.add([frame(3)])).rejects.toThrow('disk full');
    await expect(writer.drain()).rejects.toThrow('disk full');
    expect(writes).toHaveLength(1);
  });
});
