import { dimse, type DimseCStoreRequest, type DimseDataset, type DimsePresentationContext } from './dcmjsDimse';

/** A dataset received by C-STORE as the peer encoded it: no parsing, no re-encoding, no copy. */
export interface RawStoredDataset {
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
  /** The dataset bytes (no File Meta Information) in `transferSyntaxUid`, as the PDV values arrived. */
  chunks: readonly Buffer[];
  /** Total length of `chunks`. */
  length: number;
}

/**
 * The sink of one received C-STORE dataset, given to dcmjs-dimse in place of its memory stream
 * (the `createStoreWritableStream` hook): it keeps a reference to each PDV value, never asks the
 * network to wait, and concatenates nothing.
 */
export class ChunkSink {
  readonly chunks: Buffer[] = [];
  length = 0;

  /** Keeps one PDV value; always ready for more. */
  write(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    this.length += chunk.length;
    return true;
  }

  /** Nothing to flush. */
  end(): void {}

  /** No event is ever emitted ('drain' is never needed). */
  once(): this {
    return this;
  }
}

/** Creates the sink of one received C-STORE dataset (for dcmjs-dimse's `createStoreWritableStream`). */
export function createChunkSink(): ChunkSink {
  return new ChunkSink();
}

/** Raw datasets made by {@link captureRawDataset}, keyed by the Dataset object dcmjs-dimse passes on. */
const captured = new WeakMap<object, ChunkSink>();

/** Replaces dcmjs-dimse's parse of a received C-STORE dataset by a capture of its raw bytes. */
export function captureRawDataset(writable: ChunkSink | { toBuffer(): Buffer }, pc: DimsePresentationContext, callback: (dataset: DimseDataset) => void): void {
  const dataset = new dimse.Dataset({}, pc.getAcceptedTransferSyntaxUid());
  let sink: ChunkSink;
  if (writable instanceof ChunkSink) {
    sink = writable;
  } else {
    sink = new ChunkSink();
    sink.write(writable.toBuffer());
  }
  captured.set(dataset, sink);
  callback(dataset);
}

/** The raw dataset of a received C-STORE request whose dataset was captured by {@link captureRawDataset}. */
export function rawDatasetOf(request: DimseCStoreRequest): RawStoredDataset | undefined {
  const dataset = request.getDataset();
  const sink = dataset ? captured.get(dataset) : undefined;
  if (!dataset || !sink) return undefined;
  return {
    sopClassUid: request.getAffectedSopClassUid(),
    sopInstanceUid: request.getAffectedSopInstanceUid(),
    transferSyntaxUid: dataset.getTransferSyntaxUid(),
    chunks: sink.chunks,
    length: sink.length,
  };
}
