/** Megabytes with one decimal, for progress lines. */
export function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** Whole percent of a part, 0 when the whole is unknown. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.floor((part / whole) * 100)) : 0;
}

/** Minutes and seconds (`m:ss`) of a duration in seconds. */
export function minutesSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
