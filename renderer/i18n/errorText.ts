import type { TFunction } from 'i18next';
import type { GardeErrorData } from '../../app/ipc/errors';

/** An error in the user's language: the translation of its code, the English message otherwise. */
export function errorText(t: TFunction, error: GardeErrorData): string {
  return t(`errors.${error.code}`, { defaultValue: error.message });
}
