import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReaderIdentity, readerIssues } from '../../../app/report/readerIdentity';
import { SettingsStore } from '../../../main/settings/settingsStore';

const reader = { familyName: 'LEROY', givenName: 'Anne', professionalId: '10003456789', role: 'Radiologue', institution: 'Téléradiologie Garde' };

describe('reader identity', () => {
  it('needs names and institution, an 11-digit RPPS when given, and no DICOM delimiter', () => {
    expect(readerIssues(reader)).toEqual({});
    expect(readerIssues({ ...reader, professionalId: '' })).toEqual({});
    expect(readerIssues({ ...reader, familyName: ' ', institution: '' })).toEqual({ familyName: 'required', institution: 'required' });
    expect(readerIssues({ ...reader, professionalId: '1234' })).toEqual({ professionalId: 'rppsFormat' });
    expect(readerIssues({ ...reader, givenName: 'Anne^Marie' })).toEqual({ givenName: 'forbiddenCharacter' });
    expect(readerIssues({ ...reader, role: 'x'.repeat(65) })).toEqual({ role: 'tooLong' });
  });

  it('parses trimmed JSON, refuses anything else', () => {
    expect(parseReaderIdentity({ ...reader, familyName: ' LEROY ' })).toEqual(reader);
    expect(parseReaderIdentity({ ...reader, familyName: 3 })).toBeUndefined();
    expect(parseReaderIdentity(null)).toBeUndefined();
  });

  it('is kept by main in the settings file, and an invalid one is refused with SETTINGS_INVALID', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'garde-settings-'));
    const store = new SettingsStore(dir);
    await store.update({ reader });
    expect((await new SettingsStore(dir).get()).reader).toEqual(reader);
    await expect(store.update({ reader: { ...reader, professionalId: 'abc' } })).rejects.toMatchObject({ code: 'SETTINGS_INVALID' });
  });
});
