/** The four views of a screening mammogram. */
export type MammoViewName = 'RCC' | 'LCC' | 'RMLO' | 'LMLO';

/** DICOM description of one mammography view (PS3.3 C.8.11.7 Mammography Image Module). */
export interface MammoViewDefinition {
  name: MammoViewName;
  ImageLaterality: 'R' | 'L';
  ViewPosition: 'CC' | 'MLO';
  /** ViewCodeSequence item (CID 4014 View for Mammography, SNOMED CT). */
  ViewCode: { CodeValue: string; CodingSchemeDesignator: 'SCT'; CodeMeaning: string };
  /**
   * PatientOrientation (0020,0020): direction of the rows (left to right), then
   * of the columns (top to bottom) (C.7.6.1.1.1). Right breast images have the
   * chest wall on the image's right (rows run toward P); left breast images on
   * the left (rows run toward A). CC views have the lateral side at the top; MLO
   * views have the head at the top.
   */
  PatientOrientation: [string, string];
  /** Image side where the chest wall (posterior) lies. */
  chestWallSide: 'right' | 'left';
  PositionerPrimaryAngle: number;
}

const CC = { CodeValue: '399162004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'cranio-caudal' } as const;
const MLO = { CodeValue: '399368009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'medio-lateral oblique' } as const;

/** The four screening views in the usual reading order. */
export const MAMMO_VIEWS: readonly MammoViewDefinition[] = [
  { name: 'RCC', ImageLaterality: 'R', ViewPosition: 'CC', ViewCode: CC, PatientOrientation: ['P', 'L'], chestWallSide: 'right', PositionerPrimaryAngle: 0 },
  { name: 'LCC', ImageLaterality: 'L', ViewPosition: 'CC', ViewCode: CC, PatientOrientation: ['A', 'R'], chestWallSide: 'left', PositionerPrimaryAngle: 0 },
  { name: 'RMLO', ImageLaterality: 'R', ViewPosition: 'MLO', ViewCode: MLO, PatientOrientation: ['P', 'F'], chestWallSide: 'right', PositionerPrimaryAngle: 45 },
  { name: 'LMLO', ImageLaterality: 'L', ViewPosition: 'MLO', ViewCode: MLO, PatientOrientation: ['A', 'F'], chestWallSide: 'left', PositionerPrimaryAngle: -45 },
];
