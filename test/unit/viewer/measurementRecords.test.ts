import { describe, expect, it } from 'vitest';
import type { Types as ToolTypes } from '@cornerstonejs/tools';
import { fromStoredMeasurement, readStoredMeasurements, toStoredMeasurement } from '../../../renderer/viewer/measurementRecords';

const study = '1.2.826.0.1.3680043.10.543.9701';
const series = '1.2.826.0.1.3680043.10.543.9701.1';
const sop = '1.2.826.0.1.3680043.10.543.9701.1.4';
const oldBase = 'http://127.0.0.1:41234/gateway';
const newBase = 'http://127.0.0.1:8420/gateway';
const imageIdAt = (base: string, node = 'pacs-measure') => `wadors:${base}/nodes/${node}/dicom-web/studies/${study}/series/${series}/instances/${sop}/frames/2`;

/** A Length annotation as Cornerstone3D 5.14 keeps it on a stack viewport (trimmed to what matters). */
function lengthAnnotation(imageId: string): ToolTypes.Annotation {
  return {
    annotationUID: 'a-1',
    highlighted: true,
    invalidated: false,
    metadata: { toolName: 'Length', FrameOfReferenceUID: '1.2.3.4', referencedImageId: imageId, referencedImageURI: imageId.replace(/^wadors:/, ''), viewPlaneNormal: [0, 0, -1], viewUp: [0, -1, 0] },
    data: {
      handles: { points: [[1, 2, 3], [4, 5, 6]], activeHandleIndex: null },
      label: '',
      cachedStats: { [`imageId:${imageId}`]: { length: 12.5, unit: 'mm', pointsInShape: [[1, 2]], statsArray: [1] } },
    },
  } as unknown as ToolTypes.Annotation;
}

describe('measurements kept by UIDs and frame, not by URL', () => {
  it('stores the image as UIDs and frame, with no gateway address and no heavy working data', () => {
    const stored = toStoredMeasurement(lengthAnnotation(imageIdAt(oldBase)))!;
    expect(stored.image).toEqual({ StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop, frame: 2 });
    expect(stored.stats).toEqual({ length: 12.5, unit: 'mm' });
    const text = JSON.stringify(stored);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('pacs-measure');
    expect(stored.annotation.highlighted).toBe(false);
  });

  it('gives back the annotation at the gateway address of now (web mode on another port), on the same image', () => {
    const restored = fromStoredMeasurement(toStoredMeasurement(lengthAnnotation(imageIdAt(oldBase)))!, { gatewayBaseUrl: newBase, nodeId: 'pacs-measure', StudyInstanceUID: study });
    expect(restored.metadata?.referencedImageId).toBe(imageIdAt(newBase));
    expect(restored.metadata).not.toHaveProperty('referencedImageURI');
    expect((restored.data as { cachedStats: unknown }).cachedStats).toEqual({ [`imageId:${imageIdAt(newBase)}`]: { length: 12.5, unit: 'mm' } });
    expect((restored.data as { handles: { points: unknown } }).handles.points).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(restored.metadata?.FrameOfReferenceUID).toBe('1.2.3.4');
  });

  it('migrates records written with URLs (the earlier form) and says so; keyed records are read as they are', () => {
    const old = JSON.parse(JSON.stringify([lengthAnnotation(imageIdAt(oldBase)), { metadata: { toolName: 'Length', referencedImageId: 'wadors:/x/series/1.2.3.4' }, data: {} }])) as unknown[];
    const migrated = readStoredMeasurements(old);
    expect(migrated.migrated).toBe(true);
    expect(migrated.unreadable).toBe(1);
    expect(migrated.measurements).toEqual([toStoredMeasurement(lengthAnnotation(imageIdAt(oldBase)))]);
    const again = readStoredMeasurements(JSON.parse(JSON.stringify(migrated.measurements)) as unknown[]);
    expect(again).toEqual({ measurements: migrated.measurements, migrated: false, unreadable: 0 });
  });

  it('leaves out entries that name no image', () => {
    const out = readStoredMeasurements([null, 3, { image: { StudyInstanceUID: study }, annotation: {} }, { image: { StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop, frame: 0 }, annotation: {} }]);
    expect(out).toEqual({ measurements: [], migrated: false, unreadable: 4 });
  });
});
