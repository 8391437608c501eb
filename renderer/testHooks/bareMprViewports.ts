import { Enums, RenderingEngine, setVolumesForViewports, volumeLoader, cache, eventTarget, type Types } from '@cornerstonejs/core';
import { internal, wadors } from '@cornerstonejs/dicom-image-loader';

/** Where a bare MPR reads a series straight from a PACS (PS3.18 WADO-RS), and with which credentials. */
export interface BareMprSource {
  /** The PACS' DICOMweb base, e.g. `http://127.0.0.1:8042/dicom-web`. */
  dicomWebBase: string;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  /** The Authorization header value for that PACS. */
  authorization: string;
}

let bareMprs = 0;

/**
 * Cornerstone3D's own MPR, as its examples build one, for benchmarks: the series' metadata and frames
 * fetched straight from the PACS by the dicom-image-loader (no gateway, no cache), its streaming
 * volume loader filling one volume shown in three orthographic viewports of a rendering engine of its
 * own. Resolves with the milliseconds from the call to every frame loaded and the three viewports
 * rendered; everything is released before it resolves. The page must allow requests to the PACS'
 * origin (benchmarks run it in a profile without web security).
 */
export async function bareMprViewports(elements: HTMLDivElement[], source: BareMprSource): Promise<{ ms: number; frames: number }> {
  const started = performance.now();
  const previous = internal.getOptions().beforeSend;
  internal.setOptions({ ...internal.getOptions(), beforeSend: () => ({ Authorization: source.authorization }) });
  const id = ++bareMprs;
  const engine = new RenderingEngine(`garde-bare-mpr-${id}`);
  const volumeId = `cornerstoneStreamingImageVolume:garde-bare-mpr-${id}`;
  try {
    const base = `${source.dicomWebBase}/studies/${source.StudyInstanceUID}/series/${source.SeriesInstanceUID}`;
    const response = await fetch(`${base}/metadata`, { headers: { Accept: 'application/dicom+json', Authorization: source.authorization } });
    if (!response.ok) throw new Error(`metadata: HTTP ${response.status}`);
    const instances = (await response.json()) as Array<Record<string, { Value?: unknown[] }>>;
    const imageIds = instances.map((instance) => {
      const imageId = `wadors:${base}/instances/${String(instance['00080018']!.Value![0])}/frames/1`;
      wadors.metaDataManager.add(imageId, instance as never);
      return imageId;
    });
    const orientations = [Enums.OrientationAxis.AXIAL, Enums.OrientationAxis.SAGITTAL, Enums.OrientationAxis.CORONAL];
    const viewportIds = elements.map((_, k) => `garde-bare-mpr-${id}-${k}`);
    engine.setViewports(elements.map((element, k) => ({ viewportId: viewportIds[k]!, type: Enums.ViewportType.ORTHOGRAPHIC, element, defaultOptions: { orientation: orientations[k]! } })));
    const volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds });
    const loaded = new Promise<void>((resolve) => {
      const onCompleted = (event: Event) => {
        if ((event as CustomEvent<{ volumeId: string }>).detail.volumeId !== volumeId) return;
        eventTarget.removeEventListener(Enums.Events.IMAGE_VOLUME_LOADING_COMPLETED, onCompleted);
        resolve();
      };
      eventTarget.addEventListener(Enums.Events.IMAGE_VOLUME_LOADING_COMPLETED, onCompleted);
    });
    (volume as unknown as { load(): void }).load();
    await setVolumesForViewports(engine, [{ volumeId }], viewportIds);
    await loaded;
    const rendered = elements.map((element) => new Promise((resolve) => element.addEventListener(Enums.Events.IMAGE_RENDERED, resolve, { once: true })));
    engine.renderViewports(viewportIds);
    await Promise.all(rendered);
    for (const id of viewportIds) {
      const canvas = (engine.getViewport(id) as Types.IVolumeViewport).canvas;
      canvas.getContext('2d')!.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
    }
    return { ms: performance.now() - started, frames: imageIds.length };
  } finally {
    internal.setOptions({ ...internal.getOptions(), beforeSend: previous });
    engine.destroy();
    if (cache.getVolume(volumeId)) cache.removeVolumeLoadObject(volumeId);
  }
}
