import { getNumbers, getString, type DicomJsonDataset } from '../../../app/dicomweb';
import { windowPresets, type WindowPreset } from '../../../app/dicom/windowPresets';

/**
 * The window presets of the image shown: modality, WindowCenter/WindowWidth (0028,1050/1051) of
 * its instance, and its value range for non-CT images.
 */
export function presetsOf(instance: DicomJsonDataset | undefined, range: { min: number; max: number } | undefined): WindowPreset[] {
  if (!instance) return [];
  return windowPresets({
    Modality: getString(instance, '00080060'),
    WindowCenter: getNumbers(instance, '00281050'),
    WindowWidth: getNumbers(instance, '00281051'),
    min: range?.min,
    max: range?.max,
  });
}
