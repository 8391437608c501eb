import { MultipartError, MultipartParser } from '../../app/dicomweb';

/**
 * Checks that a multipart/related body is complete and well formed (PS3.18 8.6.1.2): every part
 * delimited, the close delimiter present. Returns the problem, or undefined when it is sound.
 */
export function multipartProblem(contentType: string, body: Uint8Array): string | undefined {
  try {
    const parser = MultipartParser.fromContentType(contentType);
    parser.push(body);
    parser.end();
    return undefined;
  } catch (error) {
    return error instanceof MultipartError || error instanceof Error ? (error as Error).message : String(error);
  }
}
