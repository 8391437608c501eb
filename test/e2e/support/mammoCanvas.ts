import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MammographyStudy } from '../../../main/demo/samples';

/** One cell's canvas, as grey levels (red channel), with its size in device pixels. */
export interface CanvasRead {
  width: number;
  height: number;
  grey: number[];
}

/** The cells of the hanging stage shown, in grid order (row by row). */
export async function hangingCells(page: Page): Promise<Locator[]> {
  const all = await page.getByTestId('hanging-cell').all();
  const keyed = await Promise.all(all.map(async (c) => ({ c, k: Number(await c.getAttribute('data-row')) * 10 + Number(await c.getAttribute('data-column')) })));
  return keyed.sort((a, b) => a.k - b.k).map((x) => x.c);
}

/** A cell's canvas as grey levels; two animation frames let the viewport copy its last render to it. */
export function readCellCanvas(cell: Locator): Promise<CanvasRead> {
  return cell.locator('canvas.cornerstone-canvas').evaluate(async (canvas: HTMLCanvasElement) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const grey: number[] = [];
    for (let i = 0; i < data.length; i += 4) grey.push(data[i]!);
    return { width: canvas.width, height: canvas.height, grey };
  });
}

/**
 * Checks one mammography cell from its pixels: chest wall side bright at the cell edge, the other
 * edge dark, and the laterality marker where the generator painted it once the image (Rows ×
 * Columns) is fitted to the cell height and pushed against the chest-wall edge.
 */
export function checkMammoCell(read: CanvasRead, view: MammographyStudy['views'][number], Rows: number, Columns: number): void {
  const { width, height, grey } = read;
  const at = (x: number, y: number) => grey[Math.round(y) * width + Math.round(x)] ?? -1;
  const mid = height / 2;
  const wallRight = view.truth.chestWallSide === 'right';
  const wallX = wallRight ? width - 2 : 1;
  const farX = wallRight ? 1 : width - 2;
  expect(at(wallX, mid), `${view.view}: chest wall at the ${view.truth.chestWallSide} edge`).toBeGreaterThan(40);
  expect(at(farX, mid), `${view.view}: background at the other edge`).toBeLessThan(10);
  const scale = Math.min(width / Columns, height / Rows);
  const left = wallRight ? width - Columns * scale : 0;
  const top = (height - Rows * scale) / 2;
  const { marker } = view.truth;
  const mx = left + ((marker.columnStart + marker.columnEnd) / 2 + 0.5) * scale;
  const my = top + ((marker.rowStart + marker.rowEnd) / 2 + 0.5) * scale;
  expect(at(mx, my), `${view.view}: marker at (${Math.round(mx)}, ${Math.round(my)})`).toBeGreaterThan(230);
  expect(at(width - 1 - mx, my), `${view.view}: no marker at the mirrored place`).toBeLessThan(60);
}

/** Polls a cell until its pixels pass {@link checkMammoCell}; resolves true, or the last failure's message. */
export async function mammoCellChecks(cell: Locator, view: MammographyStudy['views'][number], Rows: number, Columns: number): Promise<void> {
  await expect
    .poll(
      async () => {
        try {
          checkMammoCell(await readCellCanvas(cell), view, Rows, Columns);
          return true;
        } catch (e) {
          return (e as Error).message;
        }
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
}
