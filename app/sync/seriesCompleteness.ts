/**
 * Whether a series' cached instance metadata may stand for the series, for the viewer and for
 * prefetch alike: at least one instance, none unreadable, and, when the series' instance count is
 * known (NumberOfSeriesRelatedInstances (0020,1209), PS3.18 10.6.3.3.2), at least that many.
 */
export function isSeriesMetadataComplete(cached: { instances: number; unreadable: number }, expected: number | undefined): boolean {
  return cached.instances > 0 && cached.unreadable === 0 && (expected === undefined || cached.instances >= expected);
}
