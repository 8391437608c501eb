import { describe, expect, it } from 'vitest';
import { closestImageByPosition, imageByIndex, type ImagePlane } from '../../../app/hanging';

const axial = (z: number): ImagePlane => ({ ImagePositionPatient: [-100, -100, z], normal: [0, 0, 1] });
const coronal = (y: number): ImagePlane => ({ ImagePositionPatient: [-100, y, 50], normal: [0, -1, 0] });

describe('scroll sync targets', () => {
  // Target slices every 5 mm from +50 (superior, first) down to -45.
  const target = Array.from({ length: 20 }, (_, k) => axial(50 - 5 * k));

  it('position: the target slice nearest the source along the normal, whatever the in-plane offset', () => {
    expect(closestImageByPosition({ ImagePositionPatient: [30, 12, 50], normal: [0, 0, 1] }, target)).toBe(0);
    expect(closestImageByPosition(axial(21), target)).toBe(6);
    expect(closestImageByPosition(axial(-44), target)).toBe(19);
    expect(closestImageByPosition(axial(-300), target)).toBe(19);
  });

  it('position: an opposite normal (feet-first ordering) still finds the same plane', () => {
    expect(closestImageByPosition({ ImagePositionPatient: [0, 0, 10], normal: [0, 0, -1] }, target)).toBe(8);
  });

  it('position: no target for a perpendicular stack, nor for images without a plane', () => {
    expect(closestImageByPosition(coronal(0), target)).toBeUndefined();
    expect(closestImageByPosition(axial(0), [undefined, undefined])).toBeUndefined();
  });

  it('index: keeps the offset of the moment the stacks were linked, clamped to the target', () => {
    expect(imageByIndex(5, { source: 0, target: 0 }, 20)).toBe(5);
    expect(imageByIndex(5, { source: 2, target: 10 }, 20)).toBe(13);
    expect(imageByIndex(30, { source: 0, target: 0 }, 20)).toBe(19);
    expect(imageByIndex(0, { source: 10, target: 3 }, 20)).toBe(0);
  });
});
