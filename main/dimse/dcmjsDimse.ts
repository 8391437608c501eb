import { createRequire } from 'node:module';
import type * as DcmjsDimse from 'dcmjs-dimse';
import type * as DicomParser from 'dicom-parser';

const require = createRequire(import.meta.url);

/** The dcmjs-dimse module (a CommonJS bundle; loaded with require so named exports resolve). */
export const dimse = require('dcmjs-dimse') as typeof DcmjsDimse;

/** dicom-parser (a UMD bundle whose named exports ESM loaders do not detect). */
export const dicomParser = require('dicom-parser') as typeof DicomParser;

export type DimseDataset = InstanceType<typeof dimse.Dataset>;
export type DimseRequest = InstanceType<typeof dimse.requests.Request>;
export type DimseResponse = InstanceType<typeof dimse.responses.Response>;
export type DimseAssociation = InstanceType<typeof dimse.association.Association>;
export type DimsePresentationContext = InstanceType<typeof dimse.association.PresentationContext>;
export type DimseCStoreRequest = InstanceType<typeof dimse.requests.CStoreRequest>;

/** dcmjs-dimse logs every PDU at INFO; the gateway reports failures itself, so only its errors remain. */
const logger = dimse.log as unknown as { setLevel?: (level: string) => void; level?: string };
if (typeof logger.setLevel === 'function') logger.setLevel('error');
else logger.level = 'error';
