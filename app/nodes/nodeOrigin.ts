import { parseUrl } from '../dicomweb/parseUrl';
import type { DicomwebNode } from './nodeSchema';

/**
 * The origin (scheme, host, port — WHATWG URL serialisation) of a DICOMweb
 * node's `baseUrl`: the only origin its credential may be sent to.
 */
export function nodeOrigin(node: Pick<DicomwebNode, 'baseUrl'>): string {
  const url = parseUrl(node.baseUrl);
  if (!url) throw new Error(`node baseUrl is not a valid URL: ${node.baseUrl}`);
  return url.origin;
}

/**
 * Whether a request to `requestUrl` may carry the node's credential: true only
 * when the URL is absolute and has exactly the node's origin. Guards against a
 * token being sent to a URL taken from a response or a query parameter.
 */
export function mayReceiveNodeCredential(node: Pick<DicomwebNode, 'baseUrl'>, requestUrl: string): boolean {
  const url = parseUrl(requestUrl);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  if (url.username !== '' || url.password !== '') return false;
  return url.origin === nodeOrigin(node);
}
