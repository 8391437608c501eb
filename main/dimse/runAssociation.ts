import type { Socket } from 'node:net';
import type { DimseNode } from '../../app/nodes';
import { dimse, type DimseAssociation, type DimseCStoreRequest, type DimseDataset, type DimsePresentationContext, type DimseRequest } from './dcmjsDimse';
import { DimseError, describeReject, nodeLabel } from './dimseError';
import { captureRawDataset, createChunkSink, rawDatasetOf, type ChunkSink, type RawStoredDataset } from './rawStore';
import { storeResponse } from './storeResponse';

export type { RawStoredDataset } from './rawStore';

/** Options of one association. */
export interface AssociationOptions {
  requests: DimseRequest[];
  timeoutMs: number;
  signal?: AbortSignal;
  /** Edits the A-ASSOCIATE-RQ before it is sent (extra presentation contexts, roles). */
  configure?: (association: DimseAssociation) => void;
  /** C-STORE sub-operations of a C-GET (PS3.4 C.4.3.3): returns the status to answer (0 = success). */
  onStore?: (dataset: RawStoredDataset) => Promise<number> | number;
  /** Receives a function that restarts the inactivity timer (e.g. when C-MOVE sub-operations arrive elsewhere). */
  onActivity?: (touch: () => void) => void;
}

interface ClientInternals {
  network?: {
    socket: Socket;
    sendAssociationRequest(association: DimseAssociation): void;
    createStoreWritableStream(): ChunkSink;
    createDatasetFromStoreWritableStream(writable: ChunkSink, pc: DimsePresentationContext, callback: (dataset: DimseDataset) => void): void;
    on(event: string, listener: (...args: unknown[]) => void): void;
  };
}

function classifyNetworkError(node: DimseNode, error: Error): DimseError {
  const text = error.message;
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ECONNRESET|EPIPE/.test(text)) {
    const cause = /ECONNREFUSED/.test(text) ? 'connection refused (is the PACS running and the port right?)' : text.replace(/^.*Connection error: /, '');
    return new DimseError('unreachable', `DIMSE node ${nodeLabel(node)} is unreachable: ${cause}`);
  }
  if (/timeout/i.test(text)) return new DimseError('timeout', `DIMSE node ${nodeLabel(node)} did not answer in time (${text.replace(/^.*-> /, '')})`);
  return new DimseError('bad-response', `DIMSE node ${nodeLabel(node)} sent an invalid answer (${text.replace(/^.*?-> (Connection error: )?/, '')})`);
}

/**
 * Opens one association with a DIMSE node (PS3.8 7.1), sends the requests, releases it, and resolves
 * when the connection is closed. Every exchange is bounded by `timeoutMs` of inactivity (the socket is
 * destroyed when it expires) and by the abort signal, so no association is ever left hanging. The socket
 * gets TCP_NODELAY (small PDUs would otherwise wait on Nagle's algorithm). Response statuses are
 * the callers' concern (request 'response' events); this rejects with a {@link DimseError} for a
 * refused connection, a rejected association (PS3.8 9.3.4), an abort, a timeout or garbage.
 */
export function runAssociation(node: DimseNode, options: AssociationOptions): Promise<void> {
  const client = new dimse.Client();
  for (const request of options.requests) client.addRequest(request);
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let failure: DimseError | undefined;
    const connection: { socket?: Socket } = {};
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else resolve();
    };
    const fail = (error: DimseError): void => {
      failure ??= error;
      connection.socket?.destroy();
      // 'close' normally follows; settle anyway when the socket never existed or is already gone.
      setTimeout(finish, 50);
    };
    const expire = (): void => fail(new DimseError('timeout', `DIMSE node ${nodeLabel(node)} was silent for ${options.timeoutMs} ms (no answer in time)`));
    let timer = setTimeout(expire, options.timeoutMs);
    const touch = (): void => {
      if (settled) return;
      clearTimeout(timer);
      timer = setTimeout(expire, options.timeoutMs);
    };
    options.onActivity?.(touch);
    const onAbort = (): void => fail(new DimseError('aborted', `request to DIMSE node ${nodeLabel(node)} was cancelled`));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    client.on('associationRejected', (rj: { result?: number; source?: number; reason?: number }) =>
      fail(new DimseError('rejected', `DIMSE node ${nodeLabel(node)} rejected the association from ${node.callingAeTitle}: ${describeReject(rj)}`)),
    );
    client.on('networkError', (error: Error) => fail(classifyNetworkError(node, error)));
    client.on('closed', finish);
    client.on('cStoreRequest', (request: DimseCStoreRequest, callback: (response: unknown) => void) => {
      const raw = rawDatasetOf(request);
      const stored = raw && options.onStore ? Promise.resolve(options.onStore(raw)) : Promise.resolve(0xa700);
      stored.then(
        (status) => callback(storeResponse(request, status)),
        () => callback(storeResponse(request, 0xa700)),
      );
    });
    const timeouts = { connectTimeout: options.timeoutMs, associationTimeout: options.timeoutMs, pduTimeout: options.timeoutMs };
    client.send(node.host, node.port, node.callingAeTitle, node.calledAeTitle, timeouts);
    const network = (client as unknown as ClientInternals).network;
    if (!network) return fail(new DimseError('unreachable', `DIMSE node ${nodeLabel(node)}: no connection could be opened`));
    const socket = network.socket;
    connection.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', touch);
    network.createStoreWritableStream = createChunkSink;
    network.createDatasetFromStoreWritableStream = captureRawDataset;
    network.on('abort', () => fail(new DimseError('bad-response', `DIMSE node ${nodeLabel(node)} aborted the association (A-ABORT)`)));
    const send = network.sendAssociationRequest.bind(network);
    network.sendAssociationRequest = (association) => {
      options.configure?.(association);
      send(association);
    };
  });
}
