import { cache, Enums, eventTarget, metaData, utilities, type Types } from '@cornerstonejs/core';
import { AngleTool, ArrowAnnotateTool, EllipticalROITool, LengthTool, ProbeTool, RectangleROITool, ToolGroupManager, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { ScreenAxes } from '../../app/dicom/orientationMarkers';
import { sharedRenderingEngine } from './sharedRenderingEngine';
import { createStackToolGroup, setPrimaryTool, setReferenceSource, type PrimaryTool } from './stackTools';
import { fit, flip, millimetresPerScreenPixel, rotateClockwise, screenAxes, slicePosition } from './viewDisplay';

/** What the overlays show about the image on screen. */
export interface StackViewState {
  /** 0-based index of the image shown, and the stack size. */
  index: number;
  total: number;
  /** Window width and centre of the display (VOI LUT, PS3.3 C.11.2), in modality units. */
  windowWidth?: number;
  windowCenter?: number;
  /** Set when the frame shown (or asked for) could not be loaded or decoded. */
  error?: { imageId: string; message: string };
  /** True once the first image has been drawn. */
  rendered: boolean;
  /** Display state: zoom (1 = fit), inverted grey scale, screen axes for the orientation markers. */
  zoom?: number;
  invert?: boolean;
  screen?: ScreenAxes;
  /** Millimetres per CSS pixel at the current zoom (scale bar); undefined without pixel spacing. */
  mmPerPixel?: number;
  /** Position of the image along its plane normal, in mm. */
  position?: number;
  /** Tool on the primary mouse button; cine frame rate and whether it plays. */
  primaryTool: PrimaryTool;
  fps: number;
  playing: boolean;
}

/** A Cornerstone3D stack viewport bound to one DOM element, with its reading tools. */
export interface StackView {
  /** The Cornerstone3D viewport id (unique in the page) and the element it draws in. */
  readonly viewportId: string;
  readonly element: HTMLDivElement;
  /** Shows a stack, from `index` (default 0); resolves when that image is drawn, rejects if it cannot be loaded. */
  setStack(imageIds: string[], index?: number): Promise<void>;
  /** Moves by `delta` images, clamped to the stack. */
  scroll(delta: number): Promise<void>;
  /** Goes to an image index, clamped to the stack. */
  jumpTo(index: number): Promise<void>;
  /** Sets the window (modality units); `resetWindow` goes back to the image's own. */
  setWindow(width: number, center: number): void;
  resetWindow(): void;
  toggleInvert(): void;
  rotate(): void;
  flip(horizontal: boolean): void;
  fit(): void;
  /** Millimetres of the image per CSS pixel on screen now; undefined without pixel spacing. */
  scale(): number | undefined;
  /** Shows the image at `mmPerPixel` millimetres per CSS pixel (the same physical size as another view at that scale). */
  setScale(mmPerPixel: number): void;
  setPrimaryTool(tool: PrimaryTool): void;
  /** Cine: plays the stack in a loop at `fps` frames per second, or stops. */
  play(fps?: number): void;
  stop(): void;
  /** Sets the cine frame rate (1–60 fps), applied at once when playing. */
  setFps(fps: number): void;
  /**
   * The modality value (stored value × RescaleSlope + RescaleIntercept, PS3.3 C.11.1.1.2) of the
   * current image at a pixel; undefined outside the image or before one is loaded.
   */
  valueAt(column: number, row: number): number | undefined;
  /** Smallest and largest modality value of the current image. */
  valueRange(): { min: number; max: number } | undefined;
  /** CSS pixel position in the element of an image pixel centre (column, row) of the current image. */
  canvasPointOf(column: number, row: number): [number, number] | undefined;
  /** Image pixel position (column, row) of the current image under a CSS pixel position in the element; the inverse of canvasPointOf. */
  imagePointOf(x: number, y: number): [number, number] | undefined;
  /** CSS pixel position in the element of a patient point (LPS, mm), projected along the view's normal. */
  canvasPointOfPatient(point: [number, number, number]): [number, number];
  /** Adds a measurement on the current image through the tool's API, from image pixel points. */
  addMeasurement(tool: 'Length' | 'Angle' | 'EllipticalROI' | 'RectangleROI' | 'Probe' | 'ArrowAnnotate', points: Array<[number, number]>): void;
  /** The image id shown (or being loaded), if any. */
  currentImageId(): string | undefined;
  /** The image ids of the stack. */
  imageIds(): string[];
  /** Draws reference lines of the viewport `sourceViewportId` on this one (see setReferenceSource); '' for none. */
  showReferenceLinesOf(sourceViewportId: string): void;
  destroy(): void;
}

let instances = 0;
/** True while the shared engine resizes its viewports: camera changes then are not the reader's. */
let resizing = false;

const HYDRATE = { Length: LengthTool, Angle: AngleTool, EllipticalROI: EllipticalROITool, RectangleROI: RectangleROITool, Probe: ProbeTool, ArrowAnnotate: ArrowAnnotateTool };

/**
 * Enables one StackViewport on `element`, on the page's shared rendering engine, with its tool group (see
 * createStackToolGroup). `onChange` receives every state change (image, W/L, camera, load errors).
 * Cornerstone must have been initialised (initCornerstone).
 */
export function createStackView(element: HTMLDivElement, onChange: (state: StackViewState) => void, options: { arrowLabel: string }): StackView {
  instances += 1;
  const id = `garde-stack-${instances}`;
  const engine = sharedRenderingEngine();
  engine.enableElement({ viewportId: id, type: Enums.ViewportType.STACK, element });
  const viewport = engine.getViewport(id) as Types.IStackViewport;
  const toolGroup = createStackToolGroup(`${id}-tools`, options.arrowLabel);
  toolGroup.addViewport(id, engine.id);

  let state: StackViewState = { index: 0, total: 0, rendered: false, primaryTool: 'WindowLevel', fps: 10, playing: false };
  const emit = (patch: Partial<StackViewState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };
  const voi = (): Pick<StackViewState, 'windowWidth' | 'windowCenter' | 'invert'> => {
    const { voiRange: range, invert } = viewport.getProperties();
    if (!range) return { invert };
    const { windowWidth, windowCenter } = utilities.windowLevel.toWindowLevel(range.lower, range.upper);
    return { windowWidth, windowCenter, invert };
  };
  const camera = () => ({ zoom: viewport.getZoom(), screen: screenAxes(viewport), mmPerPixel: millimetresPerScreenPixel(viewport, element) });
  // The image on screen. Cornerstone3D moves its current index before the next image has loaded, and the
  // old image may be rendered again meanwhile (a resize, a tool): the state reports what is drawn, not what is asked for.
  let displayed: { imageId: string; index: number } | undefined;
  const shownImageId = () => displayed?.imageId ?? viewport.getCurrentImageId();
  const onRendered = () => {
    if (!displayed) return;
    emit({ index: displayed.index, total: viewport.getImageIds().length, rendered: true, ...voi(), ...camera(), position: slicePosition(displayed.imageId) });
  };
  const onNewImage = (event: Event) => {
    const { imageId, imageIdIndex } = (event as CustomEvent<{ imageId: string; imageIdIndex: number }>).detail;
    displayed = { imageId, index: imageIdIndex };
    emit({ index: imageIdIndex, rendered: false, error: undefined });
  };
  const onVoi = () => emit(voi());
  // Whether the image fills the element (zoom 1): kept through resizes, lost when the reader zooms.
  let fitted = true;
  const onCamera = () => {
    if (!resizing) fitted = Math.abs(viewport.getZoom() - 1) < 0.01;
    emit(camera());
  };
  const onLoadError = (event: Event) => {
    const detail = (event as CustomEvent<{ imageId?: string; error?: unknown }>).detail;
    const index = detail?.imageId ? viewport.getImageIds().indexOf(detail.imageId) : -1;
    if (index < 0) return;
    // The image asked for cannot be shown: the cell says so, and nothing else is on screen.
    if (detail!.imageId === viewport.getCurrentImageId()) displayed = undefined;
    emit({ index, error: { imageId: detail!.imageId!, message: errorMessage(detail!.error) } });
  };
  // The canvas must follow the element's size, or the image is drawn stretched and tools miss their targets.
  // A fitted image is fitted again to the new size (a layout change); a zoomed one keeps its camera.
  const resizer = new ResizeObserver(() => {
    resizing = true;
    try {
      engine.resize(true, true);
    } finally {
      resizing = false;
    }
    if (displayed && fitted) fit(viewport);
    if (displayed) emit(camera());
  });
  resizer.observe(element);
  element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
  element.addEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
  element.addEventListener(Enums.Events.VOI_MODIFIED, onVoi);
  element.addEventListener(Enums.Events.CAMERA_MODIFIED, onCamera);
  eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_ERROR, onLoadError);

  const show = async (index: number) => {
    const ids = viewport.getImageIds();
    const target = Math.max(0, Math.min(ids.length - 1, index));
    if (target === viewport.getCurrentImageIdIndex() && state.rendered && !state.error) return;
    try {
      await viewport.setImageIdIndex(target);
    } catch (error) {
      emit({ index: target, error: { imageId: ids[target] ?? '', message: errorMessage(error) } });
      throw error;
    }
  };
  const stop = () => {
    toolUtilities.cine.stopClip(element);
    emit({ playing: false });
  };

  return {
    viewportId: id,
    element,
    async setStack(imageIds, index = 0) {
      stop();
      displayed = undefined;
      emit({ index, total: imageIds.length, rendered: false, error: undefined });
      try {
        await viewport.setStack(imageIds, index);
      } catch (error) {
        emit({ error: { imageId: imageIds[index] ?? '', message: errorMessage(error) } });
        throw error;
      }
      viewport.render();
    },
    scroll: (delta) => show(viewport.getCurrentImageIdIndex() + delta),
    jumpTo: show,
    setWindow(width, center) {
      viewport.setProperties({ voiRange: utilities.windowLevel.toLowHighRange(width, center) });
      viewport.render();
    },
    resetWindow() {
      const module = metaData.get('voiLutModule', shownImageId()) as { windowCenter?: number | number[]; windowWidth?: number | number[] } | undefined;
      const center = [module?.windowCenter ?? []].flat()[0];
      const width = [module?.windowWidth ?? []].flat()[0];
      if (center !== undefined && width !== undefined) this.setWindow(width, center);
      else {
        const invert = viewport.getProperties().invert;
        viewport.resetProperties();
        viewport.setProperties({ invert });
        viewport.render();
      }
    },
    toggleInvert() {
      viewport.setProperties({ invert: !viewport.getProperties().invert });
      viewport.render();
      emit(voi());
    },
    rotate: () => rotateClockwise(viewport),
    flip: (horizontal) => flip(viewport, horizontal),
    fit: () => fit(viewport),
    scale: () => millimetresPerScreenPixel(viewport, element),
    setScale(mmPerPixel) {
      if (!(mmPerPixel > 0) || element.clientHeight === 0) return;
      viewport.setCamera({ parallelScale: (mmPerPixel * element.clientHeight) / 2 });
      viewport.render();
    },
    setPrimaryTool(tool) {
      setPrimaryTool(toolGroup, tool);
      emit({ primaryTool: tool });
    },
    play(fps = state.fps) {
      const rate = Math.max(1, Math.min(60, Math.round(fps)));
      toolUtilities.cine.stopClip(element);
      if (viewport.getImageIds().length > 1) toolUtilities.cine.playClip(element, { framesPerSecond: rate, loop: true });
      emit({ fps: rate, playing: viewport.getImageIds().length > 1 });
    },
    stop,
    setFps(fps) {
      if (state.playing) this.play(fps);
      else emit({ fps: Math.max(1, Math.min(60, Math.round(fps))) });
    },
    valueAt(column, row) {
      const image = cache.getImage(shownImageId());
      if (!image || column < 0 || row < 0 || column >= image.columns || row >= image.rows) return undefined;
      const stored = image.getPixelData()[Math.floor(row) * image.columns + Math.floor(column)];
      if (stored === undefined) return undefined;
      // The loader may already have applied the modality LUT ("pre-scaling").
      return image.preScale?.scaled ? stored : stored * image.slope + image.intercept;
    },
    valueRange() {
      const image = cache.getImage(shownImageId());
      if (!image) return undefined;
      const scale = (v: number) => (image.preScale?.scaled ? v : v * image.slope + image.intercept);
      return { min: scale(image.minPixelValue), max: scale(image.maxPixelValue) };
    },
    canvasPointOf(column, row) {
      const world = utilities.imageToWorldCoords(shownImageId(), [column, row]);
      if (!world) return undefined;
      const [x, y] = viewport.worldToCanvas(world);
      return [x, y];
    },
    imagePointOf(x, y) {
      const imageId = shownImageId();
      if (!imageId) return undefined;
      const point = utilities.worldToImageCoords(imageId, viewport.canvasToWorld([x, y]));
      return point ? [point[0], point[1]] : undefined;
    },
    canvasPointOfPatient(point) {
      const [x, y] = viewport.worldToCanvas(point);
      return [x, y];
    },
    addMeasurement(tool, points) {
      const imageId = shownImageId();
      const world = points.map((p) => utilities.imageToWorldCoords(imageId, p) as Types.Point3);
      HYDRATE[tool].hydrate(id, world, { referencedImageId: imageId } as never);
    },
    currentImageId: () => shownImageId(),
    imageIds: () => viewport.getImageIds(),
    showReferenceLinesOf: (sourceViewportId) => setReferenceSource(toolGroup, sourceViewportId),
    destroy() {
      resizer.disconnect();
      toolUtilities.cine.stopClip(element);
      element.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
      element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
      element.removeEventListener(Enums.Events.VOI_MODIFIED, onVoi);
      element.removeEventListener(Enums.Events.CAMERA_MODIFIED, onCamera);
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_ERROR, onLoadError);
      ToolGroupManager.destroyToolGroup(toolGroup.id);
      engine.disableElement(id);
    },
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    const e = error as { message?: unknown; error?: unknown; status?: unknown };
    if (typeof e.message === 'string') return e.message;
    if (e.error) return errorMessage(e.error);
    if (typeof e.status === 'number') return `HTTP ${e.status}`;
  }
  return String(error);
}
