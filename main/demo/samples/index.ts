/** Deterministic DICOM sample generators (CT/MR/MG phantoms, identities, demo scenario). */
export * from './clinicalRequest';
export * from './ctPhantom';
export * from './ctReformat';
export * from './demoScenario';
export * from './dicomDateTime';
export * from './enhancedMr';
export * from './headPhantom';
export * from './identityCases';
export * from './makeUid';
export * from './mammography';
export * from './mammographyViews';
export * from './mrSeries';
export { MR_TIMING, type MrPhantomOptions } from './mrHeadPhantom';
export * from './paintMammogram';
export * from './phantomGeometry';
export * from './sampleTypes';
export * from './seededRandom';
export * from './writePart10';
