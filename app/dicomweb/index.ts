/**
 * Pure DICOMweb helpers (PS3.18): QIDO-RS query strings, multipart/related
 * parsing and building, DICOM JSON accessors and BulkDataURI rewriting.
 */
export { parseUrl, type ParsedUrl } from './parseUrl';
export { asciiBytes, latin1String, utf8Bytes, utf8String, concatBytes, indexOfBytes } from './bytes';
export { parseContentType, formatContentType, type ContentType } from './parseContentType';
export { frameContentType, frameTransferSyntax } from './frameTransferSyntax';
export { MultipartError } from './MultipartError';
export { MultipartParser, type MultipartPart, type MultipartParserOptions } from './MultipartParser';
export { buildMultipart, type MultipartPartInput } from './buildMultipart';
export { boundaryProblem } from './multipartBoundary';
export { buildQidoQuery, parseQidoParams, encodeQueryComponent, isAttributeId, QidoParamError, type QidoQuery } from './qidoQuery';
export {
  DicomJsonTag,
  isDicomJsonDataset,
  normalizeTag,
  getValues,
  getString,
  getStrings,
  getNumber,
  getNumbers,
  getPersonName,
  getPersonNames,
  personNameText,
  getSequence,
  getBulkDataURI,
  type DicomJsonDataset,
  type DicomJsonAttribute,
  type PersonNameJson,
} from './dicomJson';
export { rewriteBulkDataUris, type RewriteResult, type RewriteOptions, type DroppedUri } from './rewriteBulkDataUris';
