import type { DicomJsonDataset } from '../../../app/dicomweb';
import type { KeyImageRef } from '../../../app/report';

/** A point the reader clicked on an image: the image (its study, UIDs, metadata) and the pixel (column, row). */
export interface ImagePick {
  StudyInstanceUID: string;
  image: KeyImageRef;
  point: [number, number];
  instance: DicomJsonDataset;
}
