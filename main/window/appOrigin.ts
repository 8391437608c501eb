/** The custom scheme of the desktop app (PS3.18-style gateway and the UI both live on it). */
export const APP_SCHEME = 'garde';

/** Origin the renderer is served from in the desktop app. */
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Base URL of the DICOMweb gateway in the desktop app. */
export const GATEWAY_BASE_URL = `${APP_SCHEME}://gateway`;
