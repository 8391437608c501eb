/**
 * The transfer syntaxes Garde knows (PS3.6 Table A-1 for UIDs, names and keywords; PS3.5 Annex A for
 * their encoding), each with what the rest of the code asks of it. Every other file names a transfer
 * syntax through the constants below, never by its UID literal.
 */

/** Implicit VR Little Endian: the default syntax (PS3.5 A.1). */
export const ImplicitVRLittleEndian = '1.2.840.10008.1.2';
/** Explicit VR Little Endian (PS3.5 A.2): also the syntax of native WADO-RS frames (PS3.18 8.7.3.3.2). */
export const ExplicitVRLittleEndian = '1.2.840.10008.1.2.1';
/** Encapsulated Uncompressed Explicit VR Little Endian (PS3.5 A.4.11). */
export const EncapsulatedUncompressedExplicitVRLittleEndian = '1.2.840.10008.1.2.1.98';
/** Deflated Explicit VR Little Endian (PS3.5 A.5): the data set after the File Meta Information is deflated. */
export const DeflatedExplicitVRLittleEndian = '1.2.840.10008.1.2.1.99';
/** Explicit VR Big Endian (retired, PS3.5 A.3). */
export const ExplicitVRBigEndian = '1.2.840.10008.1.2.2';
/** JPEG Baseline (Process 1), PS3.5 A.4.1. */
export const JPEGBaseline8Bit = '1.2.840.10008.1.2.4.50';
/** JPEG Extended (Process 2 & 4), PS3.5 A.4.1. */
export const JPEGExtended12Bit = '1.2.840.10008.1.2.4.51';
/** JPEG Lossless, Non-Hierarchical (Process 14), PS3.5 A.4.1. */
export const JPEGLossless = '1.2.840.10008.1.2.4.57';
/** JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, Selection Value 1), PS3.5 A.4.1. */
export const JPEGLosslessSV1 = '1.2.840.10008.1.2.4.70';
/** JPEG-LS Lossless Image Compression, PS3.5 A.4.3. */
export const JPEGLSLossless = '1.2.840.10008.1.2.4.80';
/** JPEG-LS Lossy (Near-Lossless) Image Compression, PS3.5 A.4.3. */
export const JPEGLSNearLossless = '1.2.840.10008.1.2.4.81';
/** JPEG 2000 Image Compression (Lossless Only), PS3.5 A.4.4. */
export const JPEG2000Lossless = '1.2.840.10008.1.2.4.90';
/** JPEG 2000 Image Compression, PS3.5 A.4.4. */
export const JPEG2000 = '1.2.840.10008.1.2.4.91';
/** JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only), PS3.5 A.4.4. */
export const JPEG2000MCLossless = '1.2.840.10008.1.2.4.92';
/** JPEG 2000 Part 2 Multi-component Image Compression, PS3.5 A.4.4. */
export const JPEG2000MC = '1.2.840.10008.1.2.4.93';
/** High-Throughput JPEG 2000 Image Compression (Lossless Only), PS3.5 A.4.11. */
export const HTJ2KLossless = '1.2.840.10008.1.2.4.201';
/** High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only), PS3.5 A.4.11. */
export const HTJ2KLosslessRPCL = '1.2.840.10008.1.2.4.202';
/** High-Throughput JPEG 2000 Image Compression, PS3.5 A.4.11. */
export const HTJ2K = '1.2.840.10008.1.2.4.203';
/** RLE Lossless, PS3.5 A.4.2 and Annex G. */
export const RLELossless = '1.2.840.10008.1.2.5';

/** What the code needs to know of one transfer syntax. */
export interface TransferSyntax {
  UID: string;
  /** The name of PS3.6 Table A-1. */
  name: string;
  /** Pixel Data as a sequence of fragments (PS3.5 A.4), not native (PS3.5 8.1.1). */
  encapsulated: boolean;
  /** The compression may lose information (PS3.5 8.2; a lossy syntax never holds original values). */
  lossy: boolean;
  /** Byte order of the data set and of native Pixel Data (PS3.5 7.3). */
  littleEndian: boolean;
  /** Whether data elements carry their VR (PS3.5 7.1.2) or not (7.1.3). */
  explicitVR: boolean;
  /** The data set is deflated (PS3.5 A.5). */
  deflated: boolean;
  /** Whether the viewer's image loader (Cornerstone3D dicom-image-loader with the codecs the renderer bundles) decodes its frames. */
  loaderDecodes: boolean;
  /** The image media type of its frames in WADO-RS (PS3.18 Table 8.7.3-2), when it has one. */
  mediaType?: string;
}

function syntax(UID: string, name: string, traits: Partial<Omit<TransferSyntax, 'UID' | 'name'>>): TransferSyntax {
  return { UID, name, encapsulated: true, lossy: false, littleEndian: true, explicitVR: true, deflated: false, loaderDecodes: true, ...traits };
}

/** Every transfer syntax Garde knows, PS3.6 Table A-1 order. */
export const TRANSFER_SYNTAXES: readonly TransferSyntax[] = [
  syntax(ImplicitVRLittleEndian, 'Implicit VR Little Endian', { encapsulated: false, explicitVR: false }),
  syntax(ExplicitVRLittleEndian, 'Explicit VR Little Endian', { encapsulated: false }),
  syntax(EncapsulatedUncompressedExplicitVRLittleEndian, 'Encapsulated Uncompressed Explicit VR Little Endian', {}),
  syntax(DeflatedExplicitVRLittleEndian, 'Deflated Explicit VR Little Endian', { encapsulated: false, deflated: true }),
  syntax(ExplicitVRBigEndian, 'Explicit VR Big Endian', { encapsulated: false, littleEndian: false }),
  syntax(JPEGBaseline8Bit, 'JPEG Baseline (Process 1)', { lossy: true, mediaType: 'image/jpeg' }),
  syntax(JPEGExtended12Bit, 'JPEG Extended (Process 2 & 4)', { lossy: true, mediaType: 'image/jpeg' }),
  syntax(JPEGLossless, 'JPEG Lossless, Non-Hierarchical (Process 14)', { mediaType: 'image/jpeg' }),
  syntax(JPEGLosslessSV1, 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])', { mediaType: 'image/jpeg' }),
  syntax(JPEGLSLossless, 'JPEG-LS Lossless Image Compression', { mediaType: 'image/jls' }),
  syntax(JPEGLSNearLossless, 'JPEG-LS Lossy (Near-Lossless) Image Compression', { lossy: true, mediaType: 'image/jls' }),
  syntax(JPEG2000Lossless, 'JPEG 2000 Image Compression (Lossless Only)', { mediaType: 'image/jp2' }),
  syntax(JPEG2000, 'JPEG 2000 Image Compression', { lossy: true, mediaType: 'image/jp2' }),
  syntax(JPEG2000MCLossless, 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', { loaderDecodes: false, mediaType: 'image/jpx' }),
  syntax(JPEG2000MC, 'JPEG 2000 Part 2 Multi-component Image Compression', { lossy: true, loaderDecodes: false, mediaType: 'image/jpx' }),
  syntax(HTJ2KLossless, 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', { mediaType: 'image/jphc' }),
  syntax(HTJ2KLosslessRPCL, 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', { mediaType: 'image/jphc' }),
  syntax(HTJ2K, 'High-Throughput JPEG 2000 Image Compression', { lossy: true, mediaType: 'image/jphc' }),
  syntax(RLELossless, 'RLE Lossless', { mediaType: 'image/dicom-rle' }),
];

const BY_UID = new Map(TRANSFER_SYNTAXES.map((ts) => [ts.UID, ts]));

/** The registry entry of a transfer syntax UID; undefined for one Garde does not know. */
export function transferSyntax(UID: string): TransferSyntax | undefined {
  return BY_UID.get(UID);
}

/** Whether Pixel Data in this syntax is native (PS3.5 8.1.1): uncompressed, cut into frames by size. */
export function isNativeSyntax(UID: string): boolean {
  return BY_UID.get(UID)?.encapsulated === false;
}

/** A transfer syntax as shown to a person: `name (UID)`, or the UID alone when it is unknown. */
export function describeTransferSyntax(UID: string): string {
  const known = BY_UID.get(UID);
  return known ? `${known.name} (${UID})` : UID;
}
