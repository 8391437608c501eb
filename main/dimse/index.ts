/**
 * DIMSE node adapter (PS3.7, PS3.4 Annex C): a DIMSE PACS seen as a DICOMweb server (PS3.18)
 * through C-ECHO, C-FIND, C-GET / C-MOVE (with our Storage SCP) and C-STORE, using dcmjs-dimse.
 */
export { createDimseAdapter, type DimseAdapter, type DimseAdapterOptions } from './createDimseAdapter';
export { DimseError, dimseErrorResponse, type DimseFailure } from './dimseError';
export { TempInstanceStore, DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MAX_TEMP_BYTES, type StoredInstance } from './tempInstanceStore';
export { startStorageScp, type StorageScp, type StorageScpOptions } from './storageScp';
