import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCtPhantom } from '../../../main/demo/samples';
import { FolderIndexer } from '../../../main/folder';
import { InstanceIndex, readInstanceHeader, type IndexedInstance } from '../../../main/folderStore';

const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function instance(path: string, study: string, series: string, sop: string): IndexedInstance {
  return { path, size: 1, mtimeMs: 1, StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop, TransferSyntaxUID: '1.2.840.10008.1.2.1', dataset: {} };
}

describe('InstanceIndex', () => {
  it('keeps the study/series/instance hierarchy in step with paths', () => {
    const index = new InstanceIndex();
    index.add(instance('/a', '1', '1.1', '1.1.1'));
    index.add(instance('/b', '1', '1.1', '1.1.2'));
    index.add(instance('/c', '2', '2.1', '2.1.1'));
    expect(index.studyUids().sort()).toEqual(['1', '2']);
    expect(index.instances({ StudyInstanceUID: '1' })).toHaveLength(2);
    index.add(instance('/c', '1', '1.2', '1.2.1'));
    expect(index.studyUids()).toEqual(['1']);
    expect(index.seriesOf('1').map((s) => s.SeriesInstanceUID).sort()).toEqual(['1.1', '1.2']);
    expect(index.add(instance('/d', '1', '1.1', '1.1.1'))?.path).toBe('/a');
    expect(index.atPath('/a')).toBeUndefined();
    index.removePath('/b');
    index.removePath('/d');
    expect(index.seriesOf().map((s) => s.SeriesInstanceUID)).toEqual(['1.2']);
    expect(index.size).toBe(1);
  });
});

describe('header indexing', () => {
  it('reads only the header: Pixel Data absent from the dataset, flagged separately', async () => {
    const header = await readInstanceHeader(`${PYDICOM}/JPEG2000.dcm`);
    expect(header.dataset['7FE00010']).toBeUndefined();
    expect(header.pixelData).toEqual({ vr: 'OB', encapsulated: true });
    expect(header.TransferSyntaxUID).toBe('1.2.840.10008.1.2.4.91');
  });

  it('indexes a 300-slice CT series (figure printed)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'garde-index-'));
    folders.push(folder);
    const ct = generateCtPhantom({
      seed: 'index-speed',
      patient: { PatientName: 'SPEED^TEST', PatientID: 'S1', PatientBirthDate: '19800101', PatientSex: 'M' },
      study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9900', StudyDate: '20250101', StudyTime: '120000', AccessionNumber: 'S1', StudyID: '1', StudyDescription: 'speed' },
      Rows: 256,
      Columns: 256,
      slices: 300,
    });
    ct.instances.forEach((i, n) => writeFileSync(join(folder, `${n}.dcm`), new Uint8Array(i.buffer)));
    const indexer = new FolderIndexer(folder, { log: () => undefined });
    const first = await indexer.scan();
    const again = await indexer.scan();
    console.log(`index 300 CT files (256x256, 128 KiB each): first scan ${first.durationMs.toFixed(0)} ms, unchanged re-scan ${again.durationMs.toFixed(0)} ms`);
    expect(first.indexed).toBe(300);
    expect(again.indexed).toBe(0);
    expect(indexer.index.size).toBe(300);
  });
});
