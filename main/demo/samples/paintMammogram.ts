import type { MammoViewDefinition } from './mammographyViews';
import type { Random } from './seededRandom';

/** A rectangle of pixels, inclusive bounds (row = y from top, column = x from left). */
export interface PixelRect {
  rowStart: number;
  rowEnd: number;
  columnStart: number;
  columnEnd: number;
}

/** What was painted on one mammography view, in pixel indices. */
export interface MammoViewTruth {
  chestWallSide: 'right' | 'left';
  /** Laterality marker block (value MARKER_VALUE): top corner away from the chest wall. */
  marker: PixelRect;
  /** Round dense lesion (value LESION_VALUE) or null when none. */
  lesion: { row: number; column: number; radiusPx: number } | null;
}

/** Stored values (12 bits, MONOCHROME2). */
export const MAMMO_BACKGROUND = 0;
export const MARKER_VALUE = 4095;
export const LESION_VALUE = 3600;

/**
 * Paints a breast: a half ellipse anchored on the chest wall edge, brighter
 * towards the chest wall, a pectoral triangle on MLO views, an optional lesion
 * and the laterality marker.
 */
export function paintMammogram(
  pixels: Uint16Array,
  Rows: number,
  Columns: number,
  view: MammoViewDefinition,
  lesionRadiusFraction: number,
  random: Random,
): MammoViewTruth {
  const wallColumn = view.chestWallSide === 'right' ? Columns - 1 : 0;
  const a = 0.72 * Columns;
  const b = 0.42 * Rows;
  const cy = Rows / 2;
  for (let j = 0; j < Rows; j += 1) {
    const dy = (j - cy) / b;
    for (let i = 0; i < Columns; i += 1) {
      const depth = Math.abs(i - wallColumn) / a;
      const r = depth * depth + dy * dy;
      let value = MAMMO_BACKGROUND;
      if (r <= 1) {
        value = Math.round(1400 + 900 * (1 - depth) + (random() * 2 - 1) * 60);
        if (view.ViewPosition === 'MLO' && depth < 0.35 * (1 - j / (0.6 * Rows))) value = 2900;
      }
      pixels[j * Columns + i] = value;
    }
  }
  let lesion: MammoViewTruth['lesion'] = null;
  if (lesionRadiusFraction > 0) {
    const radiusPx = Math.max(2, Math.round(lesionRadiusFraction * Columns));
    const column = Math.round(view.chestWallSide === 'right' ? Columns - 0.35 * a : 0.35 * a);
    const row = Math.round(view.ViewPosition === 'CC' ? 0.4 * Rows : 0.55 * Rows);
    for (let j = row - radiusPx; j <= row + radiusPx; j += 1) {
      for (let i = column - radiusPx; i <= column + radiusPx; i += 1) {
        if ((j - row) ** 2 + (i - column) ** 2 <= radiusPx * radiusPx) pixels[j * Columns + i] = LESION_VALUE;
      }
    }
    lesion = { row, column, radiusPx };
  }
  const size = Math.max(4, Math.round(0.05 * Columns));
  const margin = Math.max(2, Math.round(0.03 * Columns));
  const columnStart = view.chestWallSide === 'right' ? margin : Columns - margin - size;
  const marker: PixelRect = { rowStart: margin, rowEnd: margin + size - 1, columnStart, columnEnd: columnStart + size - 1 };
  for (let j = marker.rowStart; j <= marker.rowEnd; j += 1) pixels.fill(MARKER_VALUE, j * Columns + marker.columnStart, j * Columns + marker.columnEnd + 1);
  return { chestWallSide: view.chestWallSide, marker, lesion };
}
