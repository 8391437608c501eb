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

/** The moment a DT value (`YYYYMMDDHHMMSS[.F][&ZZXX]`, PS3.5 6.2) names; undefined when it is not one. Without an offset, local time. */
export function parseDicomDateTime(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,6}))?([+-]\d{4})?$/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, f, tz] = m;
  const ms = f ? Math.round(Number(`0.${f}`) * 1000) : 0;
  if (!tz) return new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const offset = (tz[0] === '-' ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5)));
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - offset * 60_000);
}
