/** A multipart/related body is malformed or truncated (PS3.18 8.6.1.2, RFC 2046 5.1). */
export class MultipartError extends Error {
  override readonly name = 'MultipartError';
}
