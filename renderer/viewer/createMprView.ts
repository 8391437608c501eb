import { cache, Enums, eventTarget, setVolumesForViewports, utilities, volumeLoader, type Types } from '@cornerstonejs/core';
import { annotation, ToolGroupManager, synchronizers, type Types as ToolTypes } from '@cornerstonejs/tools';
import { createMprToolGroup } from './mprTools';
import { sharedRenderingEngine } from './sharedRenderingEngine';

/** The three orthogonal planes of an MPR layout. */
export const MPR_PLANES = ['axial', 'sagittal', 'coronal'] as const;
export type MprPlane = (typeof MPR_PLANES)[number];

/** How a slab of the volume is projected onto each plane. */
export type SlabMode = 'none' | 'mip' | 'minip' | 'average';

const BLEND: Record<SlabMode, Enums.BlendModes> = {
  none: Enums.BlendModes.COMPOSITE,
  mip: Enums.BlendModes.MAXIMUM_INTENSITY_BLEND,
  minip: Enums.BlendModes.MINIMUM_INTENSITY_BLEND,
  average: Enums.BlendModes.AVERAGE_INTENSITY_BLEND,
};
const ORIENTATION: Record<MprPlane, Enums.OrientationAxis> = {
  axial: Enums.OrientationAxis.AXIAL,
  sagittal: Enums.OrientationAxis.SAGITTAL,
  coronal: Enums.OrientationAxis.CORONAL,
};

/** Where an MPR view stands: slices loaded so far, the planes drawn, the shared window and slab. */
export interface MprViewState {
  loaded: number;
  total: number;
  /** Planes drawn at least once with the volume. */
  rendered: Record<MprPlane, boolean>;
  windowWidth?: number;
  windowCenter?: number;
  slab: { mode: SlabMode; thickness: number };
  /** Slices that could not be loaded (the volume has holes there), and the first one's error. */
  failed: number;
  error?: string;
}

/** Three orthographic volume viewports on one streamed volume, with crosshairs, linked window and slab. */
export interface MprView {
  /** The volume in Cornerstone's cache (a 3D view may show it too; it is removed by `destroy`). */
  readonly volumeId: string;
  /** Moves the crosshair centre (the planes' intersection) to a patient point, in mm (LPS). */
  setCentre(point: Types.Point3): void;
  centre(): Types.Point3;
  /** The volume's value (modality units, e.g. HU) at a patient point; undefined outside it or before its slice is loaded. */
  valueAtWorld(point: Types.Point3): number | undefined;
  /** The canvas pixel of `plane` where a patient point is drawn. */
  canvasPointOf(plane: MprPlane, point: Types.Point3): [number, number];
  /** The patient point under a canvas pixel of `plane`. */
  worldAt(plane: MprPlane, canvas: [number, number]): Types.Point3;
  /** The unit normal of a plane (its viewing direction). */
  normalOf(plane: MprPlane): Types.Point3;
  /** Moves a plane by `delta` slices along its normal (the wheel does the same). */
  scroll(plane: MprPlane, delta: number): void;
  /** Turns the two other planes about the normal of `plane`, through the centre (oblique planes, still orthogonal). */
  rotate(plane: MprPlane, degrees: number): void;
  setSlab(mode: SlabMode, thickness: number): void;
  setWindow(width: number, center: number): void;
  /** The window of one plane (all three are linked). */
  windowOf(plane: MprPlane): { width: number; center: number } | undefined;
  /** Back to the three orthogonal planes through the volume's centre, no slab, the first window. */
  reset(): void;
  destroy(): void;
}

let counter = 0;

/**
 * Shows a volume made of `imageIds` (one series' frames, in order along the slice normal, see
 * app/dicom/volumeGeometry.ts) in three orthographic viewports of the shared rendering engine.
 * Slices stream through the page's image loader (the cache-through `wadors` loader), so the planes
 * are drawn as they fill; the volume is removed from Cornerstone's cache by `destroy`.
 */
export async function createMprView(elements: Record<MprPlane, HTMLDivElement>, imageIds: readonly string[], onChange: (state: MprViewState) => void): Promise<MprView> {
  const engine = sharedRenderingEngine();
  const id = `garde-mpr-${++counter}`;
  const volumeId = `cornerstoneStreamingImageVolume:${id}`;
  const viewportIds = Object.fromEntries(MPR_PLANES.map((plane) => [plane, `${id}-${plane}`])) as Record<MprPlane, string>;
  let state: MprViewState = { loaded: 0, total: imageIds.length, rendered: { axial: false, sagittal: false, coronal: false }, slab: { mode: 'none', thickness: 0 }, failed: 0 };
  const emit = (patch: Partial<MprViewState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };

  for (const plane of MPR_PLANES) {
    engine.enableElement({ viewportId: viewportIds[plane], type: Enums.ViewportType.ORTHOGRAPHIC, element: elements[plane], defaultOptions: { orientation: ORIENTATION[plane], background: [0, 0, 0] } });
  }
  const viewport = (plane: MprPlane) => engine.getViewport(viewportIds[plane]) as Types.IVolumeViewport;
  const toolGroup: ToolTypes.IToolGroup = createMprToolGroup(`${id}-tools`);
  const voiSync = synchronizers.createVOISynchronizer(`${id}-voi`, { syncInvertState: false, syncColormap: false });
  for (const plane of MPR_PLANES) {
    toolGroup.addViewport(viewportIds[plane], engine.id);
    voiSync.add({ renderingEngineId: engine.id, viewportId: viewportIds[plane] });
  }

  const onModified = (event: Event) => {
    const detail = (event as CustomEvent<{ volumeId: string; framesProcessed: number }>).detail;
    if (detail.volumeId === volumeId) emit({ loaded: detail.framesProcessed });
  };
  // The image loader's own event names the image (the volume's IMAGE_LOAD_ERROR gives an index in 5.14).
  const ours = new Set(imageIds);
  const lost = new Set<string>();
  const onLoadError = (event: Event) => {
    const detail = (event as CustomEvent<{ imageId?: string; error?: unknown }>).detail;
    if (!detail?.imageId || !ours.has(detail.imageId) || lost.has(detail.imageId)) return;
    lost.add(detail.imageId);
    const message = detail.error instanceof Error ? detail.error.message : String(detail.error ?? 'unknown error');
    emit({ failed: lost.size, error: state.error ?? message });
  };
  const onRendered = (plane: MprPlane) => () => {
    if (!state.rendered[plane] && viewport(plane).getActors().length > 0) emit({ rendered: { ...state.rendered, [plane]: true } });
  };
  const onVoi = () => {
    const range = viewport('axial').getProperties()?.voiRange;
    if (range) emit(utilities.windowLevel.toWindowLevel(range.lower, range.upper));
  };
  // The canvases follow their elements' size (a layout change, the window resized), keeping each camera.
  const resizer = new ResizeObserver(() => engine.resize(true, true));
  for (const plane of MPR_PLANES) resizer.observe(elements[plane]);
  eventTarget.addEventListener(Enums.Events.IMAGE_VOLUME_MODIFIED, onModified);
  eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_FAILED, onLoadError);
  const renderedListeners = MPR_PLANES.map((plane) => [plane, onRendered(plane)] as const);
  for (const [plane, listener] of renderedListeners) elements[plane].addEventListener(Enums.Events.IMAGE_RENDERED, listener);
  elements.axial.addEventListener(Enums.Events.VOI_MODIFIED, onVoi);

  const destroy = () => {
    resizer.disconnect();
    eventTarget.removeEventListener(Enums.Events.IMAGE_VOLUME_MODIFIED, onModified);
    eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_FAILED, onLoadError);
    for (const [plane, listener] of renderedListeners) elements[plane].removeEventListener(Enums.Events.IMAGE_RENDERED, listener);
    elements.axial.removeEventListener(Enums.Events.VOI_MODIFIED, onVoi);
    voiSync.destroy();
    // The crosshairs keep one annotation a plane in the annotation state: they go with the planes.
    for (const plane of MPR_PLANES) {
      for (const a of annotation.state.getAnnotations('Crosshairs', elements[plane]) ?? []) if (a.annotationUID) annotation.state.removeAnnotation(a.annotationUID);
    }
    ToolGroupManager.destroyToolGroup(toolGroup.id);
    for (const plane of MPR_PLANES) engine.disableElement(viewportIds[plane]);
    const volume = cache.getVolume(volumeId) as (Types.IImageVolume & { cancelLoading?: () => void }) | undefined;
    volume?.cancelLoading?.();
    if (volume) cache.removeVolumeLoadObject(volumeId);
  };

  try {
    const volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds: [...imageIds] });
    (volume as unknown as { load(): void }).load();
    await setVolumesForViewports(engine, [{ volumeId }], Object.values(viewportIds));
  } catch (error) {
    destroy();
    throw error;
  }
  engine.renderViewports(Object.values(viewportIds));
  const first = viewport('axial').getProperties()?.voiRange;
  emit(first ? utilities.windowLevel.toWindowLevel(first.lower, first.upper) : {});

  const crosshairs = () => toolGroup.getToolInstance('Crosshairs') as { setToolCenter(point: Types.Point3): void; toolCenter: Types.Point3 } | undefined;
  const view: MprView = {
    volumeId,
    setCentre(point) {
      for (const plane of MPR_PLANES) viewport(plane).jumpToWorld(point);
      crosshairs()?.setToolCenter(point);
      engine.renderViewports(Object.values(viewportIds));
    },
    centre: () => [...(crosshairs()?.toolCenter ?? viewport('axial').getCamera().focalPoint!)] as Types.Point3,
    valueAtWorld(point) {
      const value = viewport('axial').getIntensityFromWorld(point);
      return Number.isFinite(value) ? value : undefined;
    },
    canvasPointOf: (plane, point) => [...viewport(plane).worldToCanvas(point)] as [number, number],
    worldAt: (plane, canvas) => viewport(plane).canvasToWorld(canvas),
    normalOf: (plane) => [...viewport(plane).getCamera().viewPlaneNormal!] as Types.Point3,
    scroll: (plane, delta) => utilities.scroll(viewport(plane) as unknown as Parameters<typeof utilities.scroll>[0], { delta }),
    rotate(plane, degrees) {
      const axis = view.normalOf(plane);
      const centre = view.centre();
      for (const other of MPR_PLANES) {
        if (other === plane) continue;
        const camera = viewport(other).getCamera();
        const normal = rotateAbout(camera.viewPlaneNormal!, axis, degrees);
        const viewUp = rotateAbout(camera.viewUp!, axis, degrees);
        const distance = Math.hypot(...camera.position!.map((v, i) => v - camera.focalPoint![i]!));
        const position = centre.map((v, i) => v + normal[i]! * distance) as Types.Point3;
        viewport(other).setCamera({ viewPlaneNormal: normal, viewUp, focalPoint: centre, position });
      }
      engine.renderViewports(Object.values(viewportIds));
    },
    setSlab(mode, thickness) {
      for (const plane of MPR_PLANES) {
        const v = viewport(plane);
        v.setBlendMode(BLEND[mode]);
        if (mode === 'none' || thickness <= 0) v.resetSlabThickness();
        else v.setSlabThickness(thickness);
      }
      emit({ slab: { mode, thickness: mode === 'none' ? 0 : thickness } });
      engine.renderViewports(Object.values(viewportIds));
    },
    setWindow(width, center) {
      for (const plane of MPR_PLANES) viewport(plane).setProperties({ voiRange: utilities.windowLevel.toLowHighRange(width, center) });
      emit({ windowWidth: width, windowCenter: center });
      engine.renderViewports(Object.values(viewportIds));
    },
    windowOf(plane) {
      const range = viewport(plane).getProperties()?.voiRange;
      if (!range) return undefined;
      const { windowWidth, windowCenter } = utilities.windowLevel.toWindowLevel(range.lower, range.upper);
      return { width: windowWidth, center: windowCenter };
    },
    reset() {
      view.setSlab('none', 0);
      for (const plane of MPR_PLANES) viewport(plane).setOrientation(ORIENTATION[plane]);
      (toolGroup.getToolInstance('Crosshairs') as { resetCrosshairs?: () => void } | undefined)?.resetCrosshairs?.();
      for (const plane of MPR_PLANES) viewport(plane).resetCamera();
      if (first) {
        const { windowWidth, windowCenter } = utilities.windowLevel.toWindowLevel(first.lower, first.upper);
        view.setWindow(windowWidth, windowCenter);
      }
      engine.renderViewports(Object.values(viewportIds));
    },
    destroy,
  };
  return view;
}

/** `vector` turned by `degrees` about the unit `axis` (Rodrigues' rotation formula). */
function rotateAbout(vector: Types.Point3, axis: Types.Point3, degrees: number): Types.Point3 {
  const t = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  const [x, y, z] = axis;
  const d = vector[0] * x + vector[1] * y + vector[2] * z;
  const cross: Types.Point3 = [y * vector[2] - z * vector[1], z * vector[0] - x * vector[2], x * vector[1] - y * vector[0]];
  return [0, 1, 2].map((i) => vector[i]! * c + cross[i]! * s + axis[i]! * d * (1 - c)) as Types.Point3;
}
