import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import dcmjs from 'dcmjs';

/** The files a DICOMDIR references, and the references it could not resolve. */
export interface DicomdirContents {
  files: string[];
  missing: Array<{ path: string; reason: string }>;
}

/**
 * Reads a DICOMDIR (PS3.10 8.6, Basic Directory IOD PS3.3 F.3 and F.5): walks the
 * Directory Record Sequence (0004,1220) and resolves each Referenced File ID
 * (0004,1500) — path components relative to the DICOMDIR's folder (PS3.10 8.5) — to a
 * file path. Components are matched case-insensitively when the exact name is absent
 * (CDs written in upper case and mounted in lower case).
 * @throws Error when the DICOMDIR cannot be read or has no Directory Record Sequence.
 */
export async function readDicomdir(dicomdirPath: string): Promise<DicomdirContents> {
  const buffer = await readFile(dicomdirPath);
  const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  let dict: Record<string, { Value?: unknown[] }>;
  try {
    dict = dcmjs.data.DicomMessage.readFile(arrayBuffer).dict;
  } catch (error) {
    throw new Error(`${dicomdirPath} is not a readable DICOMDIR: ${error instanceof Error ? error.message : String(error)}`);
  }
  const records = dict['00041220']?.Value;
  if (!Array.isArray(records)) throw new Error(`${dicomdirPath} has no Directory Record Sequence (0004,1220): not a DICOMDIR`);
  const base = dirname(dicomdirPath);
  const seen = new Set<string>();
  const contents: DicomdirContents = { files: [], missing: [] };
  for (const record of records as Array<Record<string, { Value?: unknown[] }>>) {
    const components = (record['00041500']?.Value ?? []).filter((c): c is string => typeof c === 'string').flatMap((c) => c.split('\\'));
    if (components.length === 0) continue;
    const key = components.join('/').toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const resolved = await resolveComponents(base, components.map((c) => c.trim()));
    if (resolved) contents.files.push(resolved);
    else contents.missing.push({ path: join(base, ...components), reason: 'referenced by the DICOMDIR (Referenced File ID) but not found' });
  }
  return contents;
}

async function resolveComponents(base: string, components: readonly string[]): Promise<string | undefined> {
  let current = base;
  for (const component of components) {
    let names: string[];
    try {
      names = await readdir(current);
    } catch {
      return undefined;
    }
    const exact = names.find((n) => n === component);
    const found = exact ?? names.find((n) => n.toUpperCase() === component.toUpperCase() || n.toUpperCase() === `${component.toUpperCase()}.`);
    if (!found) return undefined;
    current = join(current, found);
  }
  return current;
}
