import { describe, expect, it } from 'vitest';
import { CT_WINDOW_PRESETS, windowPresets } from '../../../app/dicom/windowPresets';

describe('windowPresets', () => {
  it('CT: the fixed list, brain first and bone last', () => {
    const presets = windowPresets({ Modality: 'CT', WindowCenter: [40], WindowWidth: [400] });
    expect(presets).toEqual(CT_WINDOW_PRESETS);
    expect(presets[0]).toEqual({ name: 'brain', width: 80, center: 40 });
    expect(presets[3]).toEqual({ name: 'lung', width: 1500, center: -600 });
    expect(presets[7]).toEqual({ name: 'bone', width: 2000, center: 500 });
  });
  it('MR/MG: the windows of the image, then the full range', () => {
    expect(windowPresets({ Modality: 'MR', WindowCenter: [300, 600], WindowWidth: [800, 1200], min: 0, max: 1000 })).toEqual([
      { name: 'image', center: 300, width: 800, index: 1 },
      { name: 'image', center: 600, width: 1200, index: 2 },
      { name: 'range', center: 500, width: 1000 },
    ]);
  });
  it('drops unpaired or unusable windows', () => {
    expect(windowPresets({ Modality: 'MG', WindowCenter: [2000, 1], WindowWidth: [0.5] })).toEqual([]);
    expect(windowPresets({ Modality: 'MG', min: 5, max: 5 })).toEqual([]);
  });
});
