// `npm run pixel-check -- <folder or file>...`: decodes every DICOM file the way the viewer does and
// compares the pixel values with GDCM's reference decode. Exit 1 when any file is wrong.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runPixelCheck } from './runPixelCheck';

function walk(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).sort().flatMap((name) => walk(join(path, name))) : [path];
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error('usage: npm run pixel-check -- <folder or DICOM file>...');
  process.exit(2);
}
const results = await runPixelCheck(targets.flatMap(walk), { log: (line) => console.log(line) });
const count = (s: string) => results.filter((r) => r.status === s).length;
const bad = results.filter((r) => r.status === 'mismatch' || r.status === 'decode-error');
for (const r of bad) console.log(`\n${r.status}: ${r.path} (${r.TransferSyntaxUID})\n  ${r.detail}`);
console.log(`\npixel check: ${count('exact')} exact, ${count('within-tolerance')} within tolerance, ${count('mismatch')} mismatched, ${count('decode-error')} not decoded, ${count('skipped')} skipped`);
process.exit(bad.length > 0 ? 1 : 0);
