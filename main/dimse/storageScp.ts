import type { Socket } from 'node:net';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian } from '../../app/dicom/transferSyntax';
import { captureRawDataset, createChunkSink, rawDatasetOf, type ChunkSink, type RawStoredDataset } from './rawStore';
import { storeResponse } from './storeResponse';
import { RECEIVE_MAX_PDU_LENGTH } from './retrieveSeries';
import { dimse, type DimseAssociation, type DimseCStoreRequest, type DimsePresentationContext, type DimseDataset } from './dcmjsDimse';

const { Scp, Server, constants, responses } = dimse;
const NATIVE_LE = [ExplicitVRLittleEndian, ImplicitVRLittleEndian];
const VERIFICATION = '1.2.840.10008.1.1';

/** What the Storage SCP does with what it receives. */
export interface StorageScpOptions {
  port: number;
  /** AE title we answer to (the C-MOVE destination). */
  aeTitle: string;
  /** Stores one instance; returns the C-STORE status (0 success, 0xA700 out of resources...). */
  onStore: (raw: RawStoredDataset, callingAeTitle: string) => Promise<number>;
}

/**
 * Picks the transfer syntax to accept for a proposed storage context: an encapsulated or other
 * non-default syntax first (the instance as the PACS stores it), then Explicit, then Implicit VR LE.
 */
export function pickTransferSyntax(proposed: readonly string[]): string | undefined {
  return proposed.find((ts) => !NATIVE_LE.includes(ts)) ?? NATIVE_LE.find((ts) => proposed.includes(ts));
}

class StoreScp extends Scp {
  private association: DimseAssociation | undefined;
  private readonly options: StorageScpOptions;

  constructor(socket: Socket, opts: { customOptions?: Record<string, unknown> }) {
    super(socket, opts);
    socket.setNoDelay(true);
    this.options = opts.customOptions?.storage as StorageScpOptions;
  }

  override associationRequested(association: DimseAssociation): void {
    this.association = association;
    if (association.getCalledAeTitle().trim() !== this.options.aeTitle) {
      const { RejectResult, RejectSource, RejectReason } = constants;
      this.sendAssociationReject(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CalledAeNotRecognized);
      return;
    }
    association.setMaxPduLength(Math.min(association.getMaxPduLength(), RECEIVE_MAX_PDU_LENGTH));
    for (const { id } of association.getPresentationContexts()) {
      const context = association.getPresentationContext(id);
      const ts = context.getAbstractSyntaxUid() === VERIFICATION ? NATIVE_LE.find((t) => context.hasTransferSyntaxUid(t)) : pickTransferSyntax(context.getTransferSyntaxUids());
      if (ts) context.setResult(constants.PresentationContextResult.Accept, ts);
      else context.setResult(constants.PresentationContextResult.RejectTransferSyntaxesNotSupported);
    }
    this.sendAssociationAccept();
  }

  override associationReleaseRequested(): void {
    this.sendAssociationReleaseResponse();
  }

  override cEchoRequest(request: InstanceType<typeof dimse.requests.CEchoRequest>, callback: (response: InstanceType<typeof responses.CEchoResponse>) => void): void {
    const response = responses.CEchoResponse.fromRequest(request);
    response.setStatus(constants.Status.Success);
    callback(response);
  }

  override createStoreWritableStream(): never {
    return createChunkSink() as never;
  }

  override createDatasetFromStoreWritableStream(writable: never, pc: DimsePresentationContext, callback: (dataset: DimseDataset) => void): void {
    captureRawDataset(writable as ChunkSink, pc, callback);
  }

  override cStoreRequest(request: DimseCStoreRequest, callback: (response: InstanceType<typeof responses.CStoreResponse>) => void): void {
    const raw = rawDatasetOf(request);
    const calling = this.association?.getCallingAeTitle().trim() ?? '';
    (raw ? this.options.onStore(raw, calling) : Promise.resolve(0xa900)).then(
      (status) => callback(storeResponse(request, status)),
      () => callback(storeResponse(request, 0xa700)),
    );
  }
}

/** A running Storage SCP. */
export interface StorageScp {
  close(): void;
}

/**
 * Starts a Storage SCP (PS3.4 B.2, Storage Service Class as SCP) on `options.port`, the destination
 * of our C-MOVE requests (PS3.4 C.4.2). Every storage SOP class is accepted in the transfer syntax the
 * sender prefers to keep (see {@link pickTransferSyntax}); datasets are kept as received. Sockets get
 * TCP_NODELAY. Resolves once listening; rejects when the port cannot be bound.
 */
export function startStorageScp(options: StorageScpOptions): Promise<StorageScp> {
  const server = new Server(StoreScp as unknown as typeof Scp);
  return new Promise((resolve, reject) => {
    server.on('listening', () => resolve({ close: () => server.close() }));
    server.on('networkError', (error: Error & { code?: string }) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') reject(new Error(`Storage SCP cannot listen on port ${options.port}: ${error.message}`));
    });
    const timeouts = { connectTimeout: 60_000, associationTimeout: 60_000, pduTimeout: 60_000 };
    server.listen(options.port, { ...timeouts, customOptions: { storage: options } });
  });
}
