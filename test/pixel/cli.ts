// `npm run pixel-check -- <folder or file>...`: decodes every DICOM file the way the viewer does and
// compares the pixel values with GDCM's reference decode. Exit 1 when any file is wrong.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runPixelCheck } from './runPixelCheck';
import { summarisePixelCheck } from './summarisePixelCheck';

function walk(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).sort().flatMap((name) => walk(join(path, name))) : [path];
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error('usage: npm run pixel-check -- <folder or DICOM file>...');
  process.exit(2);
}
const results = await runPixelCheck(targets.flatMap(walk), { log: (line) => console.log(line) });
console.log(`\n${summarisePixelCheck(results).join('\n')}`);
process.exit(results.some((r) => r.status === 'mismatch' || r.status === 'decode-error') ? 1 : 0);
