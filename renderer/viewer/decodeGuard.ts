import { getWebWorkerManager } from '@cornerstonejs/core';
import { knownDecodeDefect } from '../../app/dicom/knownDecodeDefect';
import { DecodeRefusedError, DecodeTimeoutError } from './decodeErrors';

/** The dicom-image-loader's decode worker and task (dicom-image-loader init.js, decodeImageFrame.js). */
const WORKER = 'dicomImageLoader';
const TASK = 'decodeTask';
/** How many times a decode lost with a replaced worker is sent again before it fails. */
const MAX_RESENDS = 2;

/** What the loader sends its decode worker: the frame's pixel format and transfer syntax. */
interface DecodeArgs {
  transferSyntax?: string;
  imageFrame?: { photometricInterpretation?: string; samplesPerPixel?: number; bitsAllocated?: number; bitsStored?: number };
}

type ExecuteTask = (workerName: string, methodName: string, args?: unknown, options?: unknown) => Promise<unknown>;

/** A decode in flight: its request, how to settle it, and which of its sends counts. */
interface InFlight {
  args: DecodeArgs;
  options: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  sends: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** Options of the decode guard. */
export interface DecodeGuardOptions {
  /** Time a decode may take before it fails and its worker is replaced; default 20 s. */
  timeoutMs?: number;
}

let timeoutMs = 20_000;
let original: ExecuteTask | undefined;
const inFlight = new Set<InFlight>();

/**
 * Guards every frame decode of the dicom-image-loader, whatever image loader fetched the frame
 * (the cache-through `wadors` loader, `wadouri`, bare pages), by wrapping the decode task of
 * Cornerstone3D's web worker manager:
 * - before decoding, the frame's transfer syntax and pixel format are checked with
 *   knownDecodeDefect; a refused frame fails with a {@link DecodeRefusedError} naming both;
 * - a decode that does not settle within the time limit fails with a {@link DecodeTimeoutError};
 *   the decode workers are then terminated (the manager recreates them on the next task) and the
 *   other decodes that were waiting on them are sent again, so one hung decode blocks no other image.
 * Call after the dicom-image-loader's init; calling it again only changes the options.
 */
export function installDecodeGuard(options: DecodeGuardOptions = {}): void {
  if (options.timeoutMs !== undefined) timeoutMs = options.timeoutMs;
  if (original) return;
  const manager = getWebWorkerManager() as unknown as { executeTask: ExecuteTask; terminate(name: string): void };
  const execute = manager.executeTask.bind(manager);
  original = execute;

  const send = (task: InFlight) => {
    task.sends += 1;
    const sent = task.sends;
    const current = () => inFlight.has(task) && task.sends === sent;
    clearTimeout(task.timer);
    task.timer = setTimeout(() => current() && expire(task), timeoutMs);
    execute(WORKER, TASK, task.args, task.options).then(
      (value) => current() && settle(task) && task.resolve(value),
      (error: unknown) => current() && settle(task) && task.reject(error),
    );
  };
  const settle = (task: InFlight) => {
    clearTimeout(task.timer);
    return inFlight.delete(task);
  };
  const expire = (task: InFlight) => {
    settle(task);
    task.reject(new DecodeTimeoutError(task.args.transferSyntax ?? '', timeoutMs));
    manager.terminate(WORKER);
    for (const other of [...inFlight]) {
      if (other.sends <= MAX_RESENDS) send(other);
      else if (settle(other)) other.reject(new DecodeTimeoutError(other.args.transferSyntax ?? '', timeoutMs));
    }
  };

  manager.executeTask = (workerName, methodName, args, taskOptions) => {
    if (workerName !== WORKER || methodName !== TASK) return execute(workerName, methodName, args, taskOptions);
    const decode = (args ?? {}) as DecodeArgs;
    const TransferSyntaxUID = decode.transferSyntax ?? '';
    const frame = decode.imageFrame ?? {};
    const defect = knownDecodeDefect({
      TransferSyntaxUID,
      PhotometricInterpretation: frame.photometricInterpretation,
      SamplesPerPixel: frame.samplesPerPixel,
      BitsAllocated: frame.bitsAllocated,
      BitsStored: frame.bitsStored,
    });
    if (defect) return Promise.reject(new DecodeRefusedError(defect, TransferSyntaxUID));
    return new Promise((resolve, reject) => {
      const task: InFlight = { args: decode, options: taskOptions, resolve, reject, sends: 0 };
      inFlight.add(task);
      send(task);
    });
  };
}
