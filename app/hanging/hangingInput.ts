/** A coded concept (PS3.3 8.8 Code Sequence Macro). */
export interface CodedConcept {
  CodeValue: string;
  CodingSchemeDesignator: string;
  CodeMeaning?: string;
  /** ViewModifierCodeSequence of a ViewCodeSequence item (PS3.3 C.8.11.7: spot compression, magnification, implant displaced...). */
  ViewModifierCodeSequence?: CodedConcept[];
}

/**
 * Per-image attributes the matcher reads: General Image (PS3.3 C.7.6.1)
 * InstanceNumber, PatientOrientation (row direction then column direction,
 * C.7.6.1.1.1) and ImageType; Mammography Image (C.8.11.7) ImageLaterality,
 * ViewPosition and ViewCodeSequence.
 */
export interface ImageDescriptor {
  SOPInstanceUID: string;
  InstanceNumber?: number;
  ImageType?: string[];
  ImageLaterality?: string;
  ViewPosition?: string;
  ViewCodeSequence?: CodedConcept[];
  PatientOrientation?: string[];
}

/**
 * Series-level attributes (General Series, PS3.3 C.7.3.1; Frame of Reference,
 * C.7.4.1) and the images of the series. `Laterality` (series) stands in for
 * ImageLaterality when the images lack it.
 */
export interface SeriesDescriptor {
  SeriesInstanceUID: string;
  Modality: string;
  SeriesNumber?: number;
  SeriesDescription?: string;
  BodyPartExamined?: string;
  Laterality?: string;
  FrameOfReferenceUID?: string;
  images: ImageDescriptor[];
}

/**
 * A study as the matcher sees it: General Study (PS3.3 C.7.2.1) attributes,
 * ModalitiesInStudy (derived from the series when absent) and its series.
 */
export interface StudyDescriptor {
  StudyInstanceUID: string;
  StudyDate?: string;
  StudyDescription?: string;
  ModalitiesInStudy?: string[];
  series: SeriesDescriptor[];
}

/** The matcher's input: the study to read and its priors, most recent first. */
export interface HangingInput {
  current: StudyDescriptor;
  priors?: StudyDescriptor[];
}
