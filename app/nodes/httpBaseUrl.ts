import { parseUrl } from '../dicomweb/parseUrl';

/**
 * Explains why `value` is not acceptable as an http(s) URL of a node
 * (DICOMweb base URL or STOW URL), or returns `undefined` when it is.
 *
 * Credentials embedded in the URL (`https://user:pass@host`) are refused:
 * secrets belong in `auth`, where they can be vault references and are never
 * shown by `publicNodeView`. Query and fragment are refused because paths are
 * appended to the base (PS3.18 8.2 resource paths).
 */
export function httpUrlProblem(value: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return 'must be an absolute URL';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username !== '' || url.password !== '') return 'must not contain credentials; use auth instead';
  if (url.search !== '' || value.includes('?')) return 'must not contain a query';
  if (url.hash !== '' || value.includes('#')) return 'must not contain a fragment';
  return undefined;
}
