import { Enums, setVolumesForViewports, type Types } from '@cornerstonejs/core';
import { addTool, Enums as ToolEnums, PanTool, ToolGroupManager, TrackballRotateTool, ZoomTool } from '@cornerstonejs/tools';
import presets from '../../assets/vr/presets.json';
import { sharedRenderingEngine } from './sharedRenderingEngine';

/** A volume rendering preset (Cornerstone3D's VIEWPORT_PRESETS format, kept in assets/vr/presets.json). */
export type VolumePreset = (typeof presets)[number];
/** The presets offered, in picker order. */
export const VOLUME_PRESETS: readonly VolumePreset[] = presets;

/** Ray sampling, as a multiple of the voxel size: finer at rest, coarser while the reader turns the volume. */
export interface RenderQuality {
  rest: number;
  moving: number;
}

/** Software GL renders a volume about ten times slower than a GPU: it samples more coarsely there (TESTBED: 0.4 s a frame at 200² with 4). */
export function qualityFor(renderer: string): RenderQuality {
  return /swiftshader|llvmpipe|software/i.test(renderer) ? { rest: 2, moving: 6 } : { rest: 1, moving: 3 };
}

/** A 3D volume rendering viewport on a volume already in Cornerstone's cache. */
export interface Volume3dView {
  readonly element: HTMLDivElement;
  setPreset(name: string): void;
  /** Turns the camera about the volume's centre, about the screen's vertical axis. */
  rotate(degrees: number): void;
  destroy(): void;
}

let counter = 0;

/**
 * Shows `volumeId` rendered in 3D (ray casting) in `element` with a preset: the primary button turns
 * the volume (trackball), right drag zooms, middle drag pans. While a button is down the rays sample
 * at `quality.moving`, and again at `quality.rest` once it is released.
 */
export async function createVolume3dView(element: HTMLDivElement, volumeId: string, options: { preset: string; quality: RenderQuality; onRendered?: () => void }): Promise<Volume3dView> {
  const engine = sharedRenderingEngine();
  const id = `garde-vr-${++counter}`;
  engine.enableElement({ viewportId: id, type: Enums.ViewportType.VOLUME_3D, element, defaultOptions: { background: [0, 0, 0] } });
  const viewport = engine.getViewport(id) as Types.IVolumeViewport & { setSampleDistanceMultiplier?: (m: number) => void };
  for (const tool of [TrackballRotateTool, ZoomTool, PanTool]) addTool(tool);
  const group = ToolGroupManager.createToolGroup(`${id}-tools`)!;
  for (const tool of [TrackballRotateTool, ZoomTool, PanTool]) group.addTool(tool.toolName);
  const { MouseBindings } = ToolEnums;
  group.setToolActive(TrackballRotateTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  group.addViewport(id, engine.id);

  let sampling = options.quality.rest;
  const sample = (multiplier: number) => {
    sampling = multiplier;
    viewport.setProperties({ sampleDistanceMultiplier: multiplier });
  };
  const onDown = () => sample(options.quality.moving);
  const onUp = () => {
    if (sampling !== options.quality.rest) sample(options.quality.rest);
  };
  const onRendered = () => options.onRendered?.();
  const resizer = new ResizeObserver(() => engine.resize(true, true));
  resizer.observe(element);
  element.addEventListener('pointerdown', onDown);
  window.addEventListener('pointerup', onUp);
  element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
  const destroy = () => {
    resizer.disconnect();
    element.removeEventListener('pointerdown', onDown);
    window.removeEventListener('pointerup', onUp);
    element.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
    engine.disableElement(id);
    ToolGroupManager.destroyToolGroup(group.id);
  };

  const apply = (name: string) => {
    const preset = VOLUME_PRESETS.find((p) => p.name === name);
    if (!preset) throw new Error(`no volume rendering preset named ${name}`);
    viewport.setProperties({ preset: preset as never });
    viewport.render();
  };
  try {
    await setVolumesForViewports(engine, [{ volumeId }], [id]);
    sample(options.quality.rest);
    apply(options.preset);
    viewport.resetCamera();
    viewport.render();
  } catch (error) {
    destroy();
    throw error;
  }
  return {
    element,
    setPreset: apply,
    rotate(degrees) {
      const camera = viewport.getCamera();
      const up = camera.viewUp!;
      const t = (degrees * Math.PI) / 180;
      const offset = camera.position!.map((v, i) => v - camera.focalPoint![i]!) as Types.Point3;
      // Rodrigues: the offset turned about the view-up axis.
      const d = offset[0] * up[0] + offset[1] * up[1] + offset[2] * up[2];
      const cross = [up[1] * offset[2] - up[2] * offset[1], up[2] * offset[0] - up[0] * offset[2], up[0] * offset[1] - up[1] * offset[0]];
      const turned = [0, 1, 2].map((i) => offset[i]! * Math.cos(t) + cross[i]! * Math.sin(t) + up[i]! * d * (1 - Math.cos(t)));
      const position = camera.focalPoint!.map((v, i) => v + turned[i]!) as Types.Point3;
      const viewPlaneNormal = turned.map((v) => v / Math.hypot(...turned)) as Types.Point3;
      viewport.setCamera({ position, viewPlaneNormal });
      viewport.render();
    },
    destroy,
  };
}
