/** Why a buffer is not a usable DICOM Part 10 file. */
export type DicomParseErrorCode =
  | 'DICOM_TRUNCATED'
  | 'DICOM_NO_META_HEADER'
  | 'DICOM_BAD_META_HEADER'
  | 'DICOM_CORRUPT'
  | 'DICOM_UNSUPPORTED';

/**
 * A DICOM Part 10 buffer was rejected. `code` is stable for programs, the
 * message is English for logs; `offset` is the byte offset of the problem
 * when known. Never retryable: the same bytes fail the same way.
 */
export class DicomParseError extends Error {
  readonly retryable = false;

  constructor(
    readonly code: DicomParseErrorCode,
    message: string,
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'DicomParseError';
  }
}
