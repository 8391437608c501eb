/**
 * The key of one study on one node in the local cache and in prefetch plans:
 * `<nodeId>/<StudyInstanceUID>`. Node ids are slugs and UIDs are digits and dots (PS3.5 9.1),
 * so the key is unambiguous.
 */
export function studyKey(nodeId: string, StudyInstanceUID: string): string {
  return `${nodeId}/${StudyInstanceUID}`;
}

/** The StudyInstanceUID part of a {@link studyKey}. */
export function studyKeyUid(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
