/** SOP Classes of the objects a report sends (PS3.4 B.5), in one place for builders and the outbox. */

/** Enhanced SR Storage: text, codes, numbers, image references. */
export const ENHANCED_SR = '1.2.840.10008.5.1.4.1.1.88.22';
/** Key Object Selection Document Storage. */
export const KEY_OBJECT_SELECTION = '1.2.840.10008.5.1.4.1.1.88.59';
/** Encapsulated PDF Storage. */
export const ENCAPSULATED_PDF = '1.2.840.10008.5.1.4.1.1.104.1';
/** The root of the Structured Report Storage SOP Classes (1.2.840.10008.5.1.4.1.1.88.x). */
export const SR_ROOT = '1.2.840.10008.5.1.4.1.1.88.';
