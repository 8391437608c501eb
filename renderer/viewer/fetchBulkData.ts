import { MultipartParser } from '../../app/dicomweb';

/**
 * The bytes of a BulkDataURI of the gateway (PS3.18 10.4.1.1.5: a multipart/related answer of one
 * application/octet-stream part, or the bytes as they are), e.g. an encapsulated PDF.
 * @throws Error with the HTTP status when the gateway refuses
 */
export async function fetchBulkData(uri: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(uri, { credentials: 'same-origin', signal, headers: { accept: 'multipart/related; type="application/octet-stream"' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  const body = new Uint8Array(await response.arrayBuffer());
  if (!/^multipart\/related/i.test(type)) return body;
  const parser = MultipartParser.fromContentType(type);
  const parts = [...parser.push(body)];
  parser.end();
  const first = parts[0];
  if (!first) throw new Error('empty bulk data answer');
  return new Uint8Array(first.body);
}
