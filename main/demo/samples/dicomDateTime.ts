function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** DICOM DA (PS3.5 6.2) of a Date in local time: YYYYMMDD. */
export function toDicomDate(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** DICOM TM (PS3.5 6.2) of a Date in local time: HHMMSS. */
export function toDicomTime(date: Date): string {
  return `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** A copy of `date` shifted by `minutes` (negative: earlier). */
export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** A copy of `date` shifted by whole calendar years (negative: earlier). */
export function addYears(date: Date, years: number): Date {
  const copy = new Date(date.getTime());
  copy.setFullYear(copy.getFullYear() + years);
  return copy;
}
