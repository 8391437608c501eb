import { openRequestQuery, parseOpenLink } from '../../app/dicom/parseOpenLink';
import { APP_ORIGIN, APP_SCHEME } from './appOrigin';

/** The first `garde://` link in a command line (how Windows and Linux hand a clicked link over). */
export function findOpenLink(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.startsWith(`${APP_SCHEME}://`));
}

/**
 * The in-app address that opens what a link asks for (`garde://app/open?StudyInstanceUID=...`),
 * or undefined when the link is not a valid open-study link. The renderer reads the same `/open`
 * address in web mode, so both transports open links the same way.
 */
export function appUrlForOpenLink(link: string): string | undefined {
  const request = parseOpenLink(link);
  return request ? `${APP_ORIGIN}/open?${openRequestQuery(request)}` : undefined;
}
