import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GardeError } from '../../app/ipc/errors';
import type { LanguageSetting, Settings } from '../../app/ipc/contract';
import type { ScreeningProgramme } from '../../app/screening/screeningProgramme';
import { parseReaderIdentity } from '../../app/report/readerIdentity';
import { parseScreeningProgramme } from '../../app/screening/screeningProgramme';
import programmeAsset from '../../assets/screening/programme.json';

const LANGUAGES: readonly LanguageSetting[] = ['system', 'fr', 'en'];
const DEFAULTS: Settings = { language: 'system' };

/** User settings in `<dataDir>/settings.json`, written atomically (temp file + rename). */
export class SettingsStore {
  private readonly file: string;
  private current: Settings | undefined;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
  }

  /** The settings; defaults for anything missing or unreadable in the file. */
  async get(): Promise<Settings> {
    if (!this.current) this.current = await this.load();
    return { ...this.current };
  }

  /** The settings as last read or written (undefined before the first {@link get}); for synchronous readers such as the audit. */
  cached(): Settings | undefined {
    return this.current ? { ...this.current } : undefined;
  }

  /** Validates and applies a partial update, then persists it. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...validatePatch(patch) };
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(next, null, 2));
    await rename(tmp, this.file);
    this.current = next;
    return { ...next };
  }

  private async load(): Promise<Settings> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return { ...DEFAULTS, ...validatePatch(parsed, true) };
    } catch {
      return { ...DEFAULTS };
    }
  }
}

/** Keeps only known keys with valid values; throws SETTINGS_INVALID unless `lenient`. */
function validatePatch(value: unknown, lenient = false): Partial<Settings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (lenient) return {};
    throw new GardeError('SETTINGS_INVALID', 'Settings update must be an object');
  }
  const out: Partial<Settings> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'language' && LANGUAGES.includes(v as LanguageSetting)) {
      out.language = v as LanguageSetting;
    } else if (key === 'reader' && parseReaderIdentity(v)) {
      out.reader = parseReaderIdentity(v)!;
    } else if (key === 'screening' && screeningOverride(v)) {
      out.screening = v as Settings['screening'];
    } else if (!lenient) {
      throw new GardeError('SETTINGS_INVALID', `Invalid setting ${key}: ${JSON.stringify(v)}`);
    }
  }
  return out;
}

/** Whether a value is a valid override of the screening programme's settings. */
function screeningOverride(value: unknown): boolean {
  try {
    parseScreeningProgramme(programmeAsset, value);
    return true;
  } catch {
    return false;
  }
}

/** The screening programme in force: the asset's settings under those of Settings. */
export function screeningProgramme(settings: Settings | undefined): ScreeningProgramme {
  return parseScreeningProgramme(programmeAsset, settings?.screening ?? {});
}
