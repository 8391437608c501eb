import {
  addTool,
  AngleTool,
  ArrowAnnotateTool,
  EllipticalROITool,
  Enums as ToolEnums,
  LengthTool,
  PanTool,
  ProbeTool,
  RectangleROITool,
  ReferenceLinesTool,
  StackScrollTool,
  ToolGroupManager,
  WindowLevelTool,
  ZoomTool,
  type Types as ToolTypes,
} from '@cornerstonejs/tools';

/** What the primary mouse button does; measurement tools draw, the others adjust the display. */
export type PrimaryTool = 'WindowLevel' | 'Zoom' | 'Pan' | 'Length' | 'Angle' | 'EllipticalROI' | 'RectangleROI' | 'Probe' | 'ArrowAnnotate';

/** The measurement (annotation) tools of the viewer, by their Cornerstone3D tool names. */
export const MEASUREMENT_TOOLS: readonly PrimaryTool[] = ['Length', 'Angle', 'EllipticalROI', 'RectangleROI', 'Probe', 'ArrowAnnotate'];

/** Every primary tool, in toolbar order. */
export const PRIMARY_TOOLS: readonly PrimaryTool[] = ['WindowLevel', 'Zoom', 'Pan', ...MEASUREMENT_TOOLS];

const CLASSES = [StackScrollTool, WindowLevelTool, ZoomTool, PanTool, LengthTool, AngleTool, EllipticalROITool, RectangleROITool, ProbeTool, ArrowAnnotateTool, ReferenceLinesTool];

/** Arrows get `label` without a text prompt (a blocking browser dialog; Cornerstone drops an arrow with no text). */
function arrowConfiguration(label: string) {
  return {
    getTextCallback: (done: (text: string) => void) => done(label),
    changeTextCallback: (data: { text?: string }, _event: unknown, done: (text: string) => void) => done(data.text || label),
  };
}

/**
 * Creates the tool group of one stack viewport: wheel scrolls, right drag zooms, middle drag pans,
 * the primary button starts on window/level; measurement tools are passive (their annotations can
 * be selected, moved and edited) until one is made primary. New arrows are labelled `arrowLabel`.
 */
export function createStackToolGroup(id: string, arrowLabel: string): ToolTypes.IToolGroup {
  for (const tool of CLASSES) addTool(tool);
  const group = ToolGroupManager.createToolGroup(id)!;
  for (const tool of CLASSES) group.addTool(tool.toolName, tool === ArrowAnnotateTool ? arrowConfiguration(arrowLabel) : undefined);
  const { MouseBindings } = ToolEnums;
  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  for (const name of MEASUREMENT_TOOLS) group.setToolPassive(name);
  group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
  return group;
}

/** Gives the primary mouse button to `tool`; the previous primary tool keeps its other bindings. */
export function setPrimaryTool(group: ToolTypes.IToolGroup, tool: PrimaryTool): void {
  const previous = group.getActivePrimaryMouseButtonTool();
  if (previous === tool) return;
  if (previous) group.setToolPassive(previous);
  group.setToolActive(tool, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Primary }] });
}

/**
 * Draws on the viewports of `group` the line where the image of `sourceViewportId` cuts theirs
 * (only for viewports of the same FrameOfReferenceUID, PS3.3 C.7.4.1.1.1, and not parallel to it);
 * called again whenever the source shows another image, the tool reads its plane each time.
 * An empty id turns the lines off. A destroyed group is left alone.
 */
export function setReferenceSource(group: ToolTypes.IToolGroup, sourceViewportId: string): void {
  if (!ToolGroupManager.getToolGroup(group.id)) return;
  if (!sourceViewportId) {
    group.setToolDisabled(ReferenceLinesTool.toolName);
    return;
  }
  group.setToolConfiguration(ReferenceLinesTool.toolName, { sourceViewportId });
  group.setToolEnabled(ReferenceLinesTool.toolName);
}
