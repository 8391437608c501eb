import type { KeyImageRef, ReaderIdentity } from './reportTypes';

/**
 * SR content items (PS3.3 C.17.3) as dcmjs naturalized datasets: the building blocks of the report
 * SR (TID 2000) and of the Key Object Selection (TID 2010).
 */
export type ContentItem = Record<string, unknown>;

/** A coded concept (PS3.3 8.8, Code Sequence Macro). */
export interface Code {
  CodeValue: string;
  CodingSchemeDesignator: string;
  CodeMeaning: string;
}

export const code = (CodeValue: string, CodingSchemeDesignator: string, CodeMeaning: string): Code => ({ CodeValue, CodingSchemeDesignator, CodeMeaning });

/** Relationship types (PS3.3 C.17.3.2.4). */
export type Relationship = 'CONTAINS' | 'HAS CONCEPT MOD' | 'HAS OBS CONTEXT' | 'HAS PROPERTIES' | 'INFERRED FROM' | 'SELECTED FROM';

export function textItem(RelationshipType: Relationship, concept: Code, TextValue: string): ContentItem {
  return { RelationshipType, ValueType: 'TEXT', ConceptNameCodeSequence: [concept], TextValue };
}

export function codeItem(RelationshipType: Relationship, concept: Code, value: Code): ContentItem {
  return { RelationshipType, ValueType: 'CODE', ConceptNameCodeSequence: [concept], ConceptCodeSequence: [value] };
}

export function pnameItem(RelationshipType: Relationship, concept: Code, PersonName: string): ContentItem {
  return { RelationshipType, ValueType: 'PNAME', ConceptNameCodeSequence: [concept], PersonName };
}

/** A container (SEPARATE continuity: its children are independent statements). */
export function containerItem(RelationshipType: Relationship, concept: Code, children: ContentItem[]): ContentItem {
  return { RelationshipType, ValueType: 'CONTAINER', ConceptNameCodeSequence: [concept], ContinuityOfContent: 'SEPARATE', ContentSequence: children };
}

/** An IMAGE reference (PS3.3 C.18.4), with the frame of a multi-frame image. */
export function imageItem(RelationshipType: Relationship, image: KeyImageRef, concept?: Code): ContentItem {
  const ref: Record<string, unknown> = { ReferencedSOPClassUID: image.SOPClassUID, ReferencedSOPInstanceUID: image.SOPInstanceUID };
  if (image.frame !== undefined) ref.ReferencedFrameNumber = image.frame;
  return { RelationshipType, ValueType: 'IMAGE', ...(concept ? { ConceptNameCodeSequence: [concept] } : {}), ReferencedSOPSequence: [ref] };
}

/** A point on an image (SCOORD POINT, PS3.3 C.18.6) in image coordinates (column, row), selected from `image`. */
export function pointItem(RelationshipType: Relationship, point: readonly [number, number], image: KeyImageRef): ContentItem {
  return { RelationshipType, ValueType: 'SCOORD', GraphicType: 'POINT', GraphicData: [...point], ContentSequence: [imageItem('SELECTED FROM', image)] };
}

/** A numeric measurement (PS3.3 C.18.1) with its UCUM unit (PS3.16 CID 7181). */
export function numItem(RelationshipType: Relationship, concept: Code, value: number, unit: string, children: ContentItem[] = []): ContentItem {
  const measured = { NumericValue: Number(value.toPrecision(8)), MeasurementUnitsCodeSequence: [code(unit, 'UCUM', unit)] };
  return { RelationshipType, ValueType: 'NUM', ConceptNameCodeSequence: [concept], MeasuredValueSequence: [measured], ...(children.length ? { ContentSequence: children } : {}) };
}

/** The person observer context (TID 1002, PS3.16): observer type, name, organisation, role. */
export function observerContext(reader: ReaderIdentity): ContentItem[] {
  return [
    codeItem('HAS OBS CONTEXT', code('121005', 'DCM', 'Observer Type'), code('121006', 'DCM', 'Person')),
    pnameItem('HAS OBS CONTEXT', code('121008', 'DCM', 'Person Observer Name'), personName(reader)),
    textItem('HAS OBS CONTEXT', code('121009', 'DCM', "Person Observer's Organization Name"), reader.institution),
    ...(reader.role ? [textItem('HAS OBS CONTEXT', code('121011', 'DCM', "Person Observer's Role in this Procedure"), reader.role)] : []),
  ];
}

/** The reader as a DICOM person name (PS3.5 6.2: family^given). */
export function personName(reader: ReaderIdentity): string {
  return `${reader.familyName}^${reader.givenName}`;
}

/** Language of content (TID 1204): `fr-FR` or `en-GB`, coded in RFC 5646. */
export function languageItem(language: 'fr' | 'en'): ContentItem {
  const [value, meaning] = language === 'fr' ? ['fr-FR', 'French (France)'] : ['en-GB', 'English (United Kingdom)'];
  return codeItem('HAS CONCEPT MOD', code('121049', 'DCM', 'Language of Content Item and Descendants'), code(value, 'RFC5646', meaning));
}
