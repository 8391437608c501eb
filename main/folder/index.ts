/** The folder / CD node: a read-only DICOMweb server over DICOM files or a DICOMDIR (PS3.10). */
export { createFolderAdapter, type FolderAdapter, type FolderAdapterOptions } from './createFolderAdapter';
export { FolderIndexer, type FolderIndexerOptions, type ScanStats, type SkippedFile } from './scanFolder';
export { readDicomdir, type DicomdirContents } from './readDicomdir';
export { watchFolder, type FolderWatch } from './watchFolder';
