import type { PixelCheckResult } from './runPixelCheck';

/**
 * The pixel check's summary: each wrong or undecoded file with its detail, each skipped file with
 * the reason, each file read with defects with its warnings, then the counts.
 */
export function summarisePixelCheck(results: readonly PixelCheckResult[]): string[] {
  const count = (s: PixelCheckResult['status']) => results.filter((r) => r.status === s).length;
  const lines: string[] = [];
  for (const r of results.filter((x) => x.status === 'mismatch' || x.status === 'decode-error')) lines.push(`${r.status}: ${r.path} (${r.TransferSyntaxUID})`, `  ${r.detail}`);
  const skipped = results.filter((r) => r.status === 'skipped');
  if (skipped.length > 0) lines.push(`skipped (${skipped.length}):`, ...skipped.map((r) => `  ${r.path}: ${r.detail}`));
  const warned = results.filter((r) => (r.warnings?.length ?? 0) > 0);
  if (warned.length > 0) lines.push(`read with warnings (${warned.length}):`, ...warned.flatMap((r) => [`  ${r.path}:`, ...r.warnings!.map((w) => `    ${w}`)]));
  lines.push(`pixel check: ${count('exact')} exact, ${count('within-tolerance')} within tolerance, ${count('mismatch')} mismatched, ${count('decode-error')} not decoded, ${count('skipped')} skipped`);
  return lines;
}
