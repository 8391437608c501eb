import { readFileSync } from 'node:fs';
import { parsePart10 } from '../../app/dicom/parsePart10';

/** Transfer syntaxes that must decode exactly (PS3.5 A.4): native, deflate, RLE, JPEG lossless, JPEG-LS lossless, JPEG 2000 / HTJ2K lossless. */
export const LOSSLESS_SYNTAXES = new Set([
  '1.2.840.10008.1.2',
  '1.2.840.10008.1.2.1',
  '1.2.840.10008.1.2.1.99',
  '1.2.840.10008.1.2.2',
  '1.2.840.10008.1.2.5',
  '1.2.840.10008.1.2.4.57',
  '1.2.840.10008.1.2.4.70',
  '1.2.840.10008.1.2.4.80',
  '1.2.840.10008.1.2.4.90',
  '1.2.840.10008.3.1.2.4.201',
  '1.2.840.10008.1.2.4.201',
  '1.2.840.10008.1.2.4.202',
]);

/** What the check needs to know of one file (Image Pixel Module, PS3.3 C.7.6.3; Modality LUT, C.11.1). */
export interface FileUnderCheck {
  path: string;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  TransferSyntaxUID: string;
  Rows: number;
  Columns: number;
  NumberOfFrames: number;
  SamplesPerPixel: number;
  PlanarConfiguration: number;
  PhotometricInterpretation: string;
  BitsAllocated: number;
  BitsStored: number;
  PixelRepresentation: number;
  RescaleSlope: number;
  RescaleIntercept: number;
  lossless: boolean;
  /** Defects the Part 10 parser read past (parsePart10's warnings). */
  warnings: string[];
}

/** A file the check cannot use, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

const num = (v: unknown, fallback: number) => (v === undefined || v === null || v === '' ? fallback : Number(Array.isArray(v) ? v[0] : v));

/** Reads a file's header (through the product's own Part 10 parser); files without pixels are skipped. */
export function describeFile(path: string): FileUnderCheck | SkippedFile {
  let parsed;
  try {
    parsed = parsePart10(readFileSync(path));
  } catch (error) {
    return { path, reason: (error as Error).message };
  }
  const d = parsed.dataset as Record<string, unknown>;
  if (d.PixelData === undefined || d.Rows === undefined) return { path, reason: 'no pixel data' };
  const BitsAllocated = num(d.BitsAllocated, 16);
  if (BitsAllocated === 1) return { path, reason: 'single-bit pixels (segmentation), not a displayed image' };
  return {
    path,
    StudyInstanceUID: String(d.StudyInstanceUID),
    SeriesInstanceUID: String(d.SeriesInstanceUID),
    SOPInstanceUID: String(d.SOPInstanceUID),
    TransferSyntaxUID: parsed.TransferSyntaxUID,
    Rows: num(d.Rows, 0),
    Columns: num(d.Columns, 0),
    NumberOfFrames: num(d.NumberOfFrames, 1),
    SamplesPerPixel: num(d.SamplesPerPixel, 1),
    PlanarConfiguration: num(d.PlanarConfiguration, 0),
    PhotometricInterpretation: String(d.PhotometricInterpretation ?? 'MONOCHROME2'),
    BitsAllocated,
    BitsStored: num(d.BitsStored, BitsAllocated),
    PixelRepresentation: num(d.PixelRepresentation, 0),
    RescaleSlope: num(d.RescaleSlope, 1),
    RescaleIntercept: num(d.RescaleIntercept, 0),
    lossless: LOSSLESS_SYNTAXES.has(parsed.TransferSyntaxUID),
    warnings: parsed.warnings,
  };
}
