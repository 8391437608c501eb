import { cache, Enums, eventTarget, RenderingEngine, utilities, type Types } from '@cornerstonejs/core';
import { addTool, Enums as ToolEnums, StackScrollTool, ToolGroupManager, WindowLevelTool } from '@cornerstonejs/tools';

/** What the overlay shows about the image on screen. */
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
}

/** A Cornerstone3D stack viewport bound to one DOM element, with scroll and window/level tools. */
export interface StackView {
  /** Shows a stack, from `index` (default 0); resolves when that image is drawn, rejects if it cannot be loaded. */
  setStack(imageIds: string[], index?: number): Promise<void>;
  /** Moves by `delta` images, clamped to the stack. */
  scroll(delta: number): Promise<void>;
  /** Goes to an image index, clamped to the stack. */
  jumpTo(index: number): Promise<void>;
  /**
   * The modality value (stored value × RescaleSlope + RescaleIntercept, PS3.3 C.11.1.1.2) of the
   * current image at a pixel; undefined outside the image or before one is loaded.
   */
  valueAt(column: number, row: number): number | undefined;
  /** The image id shown (or being loaded), if any. */
  currentImageId(): string | undefined;
  destroy(): void;
}

let instances = 0;

/** Registers the tools this view uses (addTool ignores a tool already registered). */
function registerTools(): void {
  addTool(StackScrollTool);
  addTool(WindowLevelTool);
}

/**
 * Creates a rendering engine with one StackViewport on `element`, mouse wheel bound to
 * StackScrollTool and the primary button to WindowLevelTool. `onChange` receives every state
 * change (image index, W/L, load errors). Cornerstone must have been initialised (initCornerstone).
 */
export function createStackView(element: HTMLDivElement, onChange: (state: StackViewState) => void): StackView {
  registerTools();
  instances += 1;
  const id = `garde-stack-${instances}`;
  const engine = new RenderingEngine(`${id}-engine`);
  engine.enableElement({ viewportId: id, type: Enums.ViewportType.STACK, element });
  const viewport = engine.getViewport(id) as Types.IStackViewport;
  const toolGroup = ToolGroupManager.createToolGroup(`${id}-tools`)!;
  toolGroup.addTool(StackScrollTool.toolName);
  toolGroup.addTool(WindowLevelTool.toolName);
  toolGroup.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Wheel }] });
  toolGroup.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Primary }] });
  toolGroup.addViewport(id, engine.id);

  let state: StackViewState = { index: 0, total: 0, rendered: false };
  const emit = (patch: Partial<StackViewState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };
  const voi = (): Pick<StackViewState, 'windowWidth' | 'windowCenter'> => {
    const range = viewport.getProperties().voiRange;
    if (!range) return {};
    const { windowWidth, windowCenter } = utilities.windowLevel.toWindowLevel(range.lower, range.upper);
    return { windowWidth, windowCenter };
  };
  const onRendered = () => emit({ index: viewport.getCurrentImageIdIndex(), total: viewport.getImageIds().length, rendered: true, ...voi() });
  const onNewImage = () => emit({ index: viewport.getCurrentImageIdIndex(), error: undefined });
  const onVoi = () => emit(voi());
  const onLoadError = (event: Event) => {
    const detail = (event as CustomEvent<{ imageId?: string; error?: unknown }>).detail;
    const index = detail?.imageId ? viewport.getImageIds().indexOf(detail.imageId) : -1;
    if (index >= 0) emit({ index, error: { imageId: detail!.imageId!, message: errorMessage(detail!.error) } });
  };
  element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
  element.addEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
  element.addEventListener(Enums.Events.VOI_MODIFIED, onVoi);
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

  return {
    async setStack(imageIds, index = 0) {
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
    valueAt(column, row) {
      const image = cache.getImage(viewport.getCurrentImageId());
      if (!image || column < 0 || row < 0 || column >= image.columns || row >= image.rows) return undefined;
      const stored = image.getPixelData()[Math.floor(row) * image.columns + Math.floor(column)];
      if (stored === undefined) return undefined;
      // The loader may already have applied the modality LUT ("pre-scaling").
      return image.preScale?.scaled ? stored : stored * image.slope + image.intercept;
    },
    currentImageId: () => viewport.getCurrentImageId(),
    destroy() {
      element.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
      element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
      element.removeEventListener(Enums.Events.VOI_MODIFIED, onVoi);
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_ERROR, onLoadError);
      ToolGroupManager.destroyToolGroup(toolGroup.id);
      engine.destroy();
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
