import { addTool, CrosshairsTool, Enums as ToolEnums, PanTool, StackScrollTool, ToolGroupManager, WindowLevelTool, ZoomTool, type Types as ToolTypes } from '@cornerstonejs/tools';

const CLASSES = [CrosshairsTool, StackScrollTool, WindowLevelTool, ZoomTool, PanTool];

/**
 * The tool group of an MPR layout, spanning its three planes: the primary button drags the
 * crosshairs (the centre moves all planes, a line's handle turns the other planes: oblique), the
 * wheel moves through the plane, right drag zooms, middle drag pans, Ctrl + primary sets the window.
 */
export function createMprToolGroup(id: string): ToolTypes.IToolGroup {
  for (const tool of CLASSES) addTool(tool);
  const group = ToolGroupManager.createToolGroup(id)!;
  for (const tool of CLASSES) group.addTool(tool.toolName);
  const { MouseBindings, KeyboardBindings } = ToolEnums;
  group.setToolActive(CrosshairsTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
  group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary, modifierKey: KeyboardBindings.Ctrl }] });
  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  return group;
}
