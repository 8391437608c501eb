import { getNumber, getNumbers, getString, type DicomJsonDataset } from '../../app/dicomweb';
import { frameUrl, type StudyLocation } from '../../app/dicomweb/gatewayPaths';

/** One displayable frame of a series: its Cornerstone image id and the instance it comes from. */
export interface SeriesImage {
  imageId: string;
  SOPInstanceUID: string;
  /** 1-based frame number within the instance (PS3.18 10.4.1.1.3 frame list). */
  frame: number;
  instance: DicomJsonDataset;
}

/**
 * Position of an instance along the normal of its image plane: ImagePositionPatient · (row × column)
 * of ImageOrientationPatient (PS3.3 C.7.6.2.1.1). Undefined without a usable Image Plane Module.
 */
export function positionAlongNormal(instance: DicomJsonDataset): number | undefined {
  const ipp = getNumbers(instance, '00200032');
  const iop = getNumbers(instance, '00200037');
  if (ipp.length !== 3 || iop.length !== 6) return undefined;
  const [r0, r1, r2, c0, c1, c2] = iop as [number, number, number, number, number, number];
  const normal = [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0];
  return ipp[0]! * normal[0]! + ipp[1]! * normal[1]! + ipp[2]! * normal[2]!;
}

/**
 * Orders the instances of a series for stack display: by position along the plane normal when every
 * instance has one and they share an orientation, else by InstanceNumber (0020,0013), then by UID.
 * Positions descend along the normal: for axial slices (normal +z in LPS) the most superior slice
 * comes first, as scanners number them; the viewer starts at the first image of the returned order.
 */
export function orderInstances(instances: DicomJsonDataset[]): DicomJsonDataset[] {
  const orientations = new Set(instances.map((i) => getNumbers(i, '00200037').map((v) => v.toFixed(4)).join('\\')));
  const positions = instances.map(positionAlongNormal);
  const byPosition = orientations.size === 1 && positions.every((p) => p !== undefined);
  const keyed = instances.map((instance, k) => ({ instance, position: positions[k] ?? 0, number: getNumber(instance, '00200013') ?? 0, uid: getString(instance, '00080018') ?? '' }));
  keyed.sort((a, b) => (byPosition ? b.position - a.position : 0) || a.number - b.number || a.uid.localeCompare(b.uid));
  return keyed.map((k) => k.instance);
}

/**
 * The `wadors:` image ids of a series, one per frame (NumberOfFrames (0028,0008), PS3.3 C.7.6.6),
 * in display order, for the WADO-RS frame resource on the gateway (`frameUrl`, PS3.18 10.4.1.1.3).
 * `location`'s gateway base must be absolute (image ids are never relative).
 */
export function seriesImages(location: StudyLocation, SeriesInstanceUID: string, instances: DicomJsonDataset[]): SeriesImage[] {
  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  const out: SeriesImage[] = [];
  for (const instance of orderInstances(instances)) {
    const SOPInstanceUID = getString(instance, '00080018');
    if (!SOPInstanceUID) continue;
    const frames = Math.max(1, getNumber(instance, '00280008') ?? 1);
    for (let frame = 1; frame <= frames; frame += 1) {
      out.push({ imageId: `wadors:${frameUrl(gatewayBaseUrl, nodeId, { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, frame })}`, SOPInstanceUID, frame, instance });
    }
  }
  return out;
}
