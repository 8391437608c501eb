/**
 * Access to the WHATWG URL parser from the pure core.
 *
 * app/ is compiled without DOM or Node type libraries, yet every runtime the
 * product runs in (Node, Chromium, Electron) provides the WHATWG `URL` class.
 * Using that parser — the same one `fetch` uses — means an origin check made
 * here agrees with where a request is actually sent (no parser differential).
 */

/** The subset of the WHATWG URL interface the core relies on. */
export interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}

type UrlConstructor = new (url: string, base?: string) => ParsedUrl;

function urlConstructor(): UrlConstructor {
  const ctor = (globalThis as { URL?: UrlConstructor }).URL;
  if (typeof ctor !== 'function') throw new Error('WHATWG URL is not available in this runtime');
  return ctor;
}

/**
 * Parses `text` (optionally relative to `base`) with the WHATWG URL parser.
 * @returns the parsed URL, or `undefined` when the text is not a valid URL.
 */
export function parseUrl(text: string, base?: string): ParsedUrl | undefined {
  const Ctor = urlConstructor();
  try {
    return base === undefined ? new Ctor(text) : new Ctor(text, base);
  } catch {
    return undefined;
  }
}
