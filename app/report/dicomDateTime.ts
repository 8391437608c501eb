/** DICOM DA, TM and DT values (PS3.5 6.2) of a moment, in the workstation's local time. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDD` (DA). */
export function dicomDate(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
}

/** `HHMMSS` (TM). */
export function dicomTime(at: Date): string {
  return `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/** `&ZZXX`: the local offset from UTC (TimezoneOffsetFromUTC, PS3.3 C.12.1.1.8). */
export function timezoneOffset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** `YYYYMMDDHHMMSS&ZZXX` (DT with its offset). */
export function dicomDateTime(at: Date): string {
  return `${dicomDate(at)}${dicomTime(at)}${timezoneOffset(at)}`;
}
