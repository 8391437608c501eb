import dcmjs from 'dcmjs';
import {
  accentedNames,
  generateCtPhantom,
  generateEnhancedMr,
  generateMammographyStudy,
  generateMrSeries,
  samePersonOnBothPacs,
  type GeneratedInstance,
  type StudyDescriptor,
} from '../../main/demo/samples';

/** A small study descriptor for tests. */
export function testStudy(key: string): StudyDescriptor {
  return {
    StudyInstanceUID: `2.25.${1000 + key.length}${key.split('').reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7) % 1_000_000_007}`,
    StudyDate: '20260314',
    StudyTime: '233000',
    AccessionNumber: key.slice(0, 16),
    StudyID: '1',
    StudyDescription: key,
    request: { ReasonForTheRequestedProcedure: 'Contrôle', RequestedProcedureDescription: 'Test', RequestingPhysician: 'DOC^Test', RequestedProcedurePriority: 'ROUTINE' },
  };
}

/** One small instance of every generator, labelled. */
export function smallSamplesOfEveryKind(): Array<{ label: string; instance: GeneratedInstance }> {
  const names = accentedNames();
  const martin = samePersonOnBothPacs();
  const seed = 'roundtrip';
  const ct = generateCtPhantom({ seed, patient: names.latin1, study: testStudy('ct-latin1'), Rows: 64, Columns: 80, slices: 3, SliceThickness: 10 });
  const mr = generateMrSeries({ seed, patient: names.utf8, study: testStudy('mr-utf8'), Rows: 96, Columns: 96, slices: 2 });
  const emr = generateEnhancedMr({ seed, patient: martin.nord, study: testStudy('emr'), Rows: 48, Columns: 64, frames: 5 });
  const mg = generateMammographyStudy({ seed, patient: martin.sud, study: testStudy('mg'), Rows: 256, Columns: 208 });
  return [
    ...ct.instances.map((instance, i) => ({ label: `CT slice ${i + 1}`, instance })),
    ...mr.instances.map((instance, i) => ({ label: `MR slice ${i + 1}`, instance })),
    { label: 'Enhanced MR', instance: emr.instance },
    ...mg.views.map((view) => ({ label: `MG ${view.view}`, instance: view.instance })),
  ];
}

/** The native frames of a Part 10 buffer, read back with dcmjs. */
export function framesOf(buffer: ArrayBuffer): Uint8Array[] {
  const dict = dcmjs.data.DicomMessage.readFile(buffer);
  const dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict);
  const pixelData = new Uint8Array((dataset.PixelData as ArrayBuffer[])[0] as ArrayBuffer);
  const frames = Number(dataset.NumberOfFrames ?? 1);
  const frameBytes = (Number(dataset.Rows) * Number(dataset.Columns) * Number(dataset.BitsAllocated)) / 8;
  return Array.from({ length: frames }, (_, k) => pixelData.slice(k * frameBytes, (k + 1) * frameBytes));
}
