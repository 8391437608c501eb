/**
 * The folder node's engine: a DICOMweb store (PS3.18) over DICOM Part 10 files, with an
 * in-memory instance index and the code answering QIDO-RS and WADO-RS from it. Used by the
 * folder/DICOMDIR node (main/folder).
 */
export { InstanceIndex, type IndexedInstance } from './instanceIndex';
export { readInstanceHeader, NotAnInstanceError, MEDIA_STORAGE_DIRECTORY_STORAGE, type ReadHeaderOptions } from './readInstanceHeader';
export { searchIndex, type LocalQidoSearch, type LocalQidoResult } from './answerQido';
export { retrieveBulkdata, retrieveFrames, retrieveInstances, retrieveMetadata, readInstanceFile, type WadoRequest } from './answerWado';
export { answerFolderStore, type FolderStoreOptions } from './answerFolderStore';
