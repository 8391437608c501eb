/**
 * Modalities of series that hold documents rather than images (PS3.3 C.7.3.1.1.1): structured
 * reports (SR), key object selections (KO), encapsulated documents (DOC) and presentation states
 * (PR). They have no frame to show or prefetch; the report panel reads them.
 */
export const DOCUMENT_MODALITIES: ReadonlySet<string> = new Set(['SR', 'KO', 'DOC', 'PR']);

/** Whether a series of this Modality holds documents, not images. */
export function isDocumentModality(Modality: string | undefined): boolean {
  return Modality !== undefined && DOCUMENT_MODALITIES.has(Modality);
}
