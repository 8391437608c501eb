import i18next from 'i18next';
import type { DecodeDefect } from '../../app/dicom/knownDecodeDefect';
import { describeTransferSyntax } from '../../app/dicom/transferSyntax';

/** A frame the viewer does not show, with the error code the UI translates (app/ipc/errors.ts). */
abstract class FrameNotShownError extends Error {
  constructor(
    readonly code: 'DECODE_REFUSED' | 'DECODE_TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

/** A frame the viewer refuses to decode because its decode is known to give wrong values. */
export class DecodeRefusedError extends FrameNotShownError {
  override readonly name = 'DecodeRefusedError';
  constructor(readonly defect: DecodeDefect, readonly transferSyntaxUID: string) {
    const syntax = describeTransferSyntax(transferSyntaxUID);
    const reason = i18next.t(`viewer.decode.${defect}`, { defaultValue: defect });
    super('DECODE_REFUSED', i18next.t('viewer.decode.refused', { syntax, reason, defaultValue: `not shown: ${syntax}: ${reason}` }));
  }
}

/** A decode that did not settle within the time limit (its worker was replaced). */
export class DecodeTimeoutError extends FrameNotShownError {
  override readonly name = 'DecodeTimeoutError';
  constructor(readonly transferSyntaxUID: string, readonly timeoutMs: number) {
    const syntax = describeTransferSyntax(transferSyntaxUID);
    const seconds = Math.round(timeoutMs / 100) / 10;
    super('DECODE_TIMEOUT', i18next.t('viewer.decode.timeout', { syntax, seconds, defaultValue: `decoding did not complete within ${seconds} s (${syntax})` }));
  }
}

/** A PALETTE COLOR frame refused before its decode: a channel of its palette cannot be used (PS3.3 C.7.6.3.1.5-6). */
export class PaletteRefusedError extends FrameNotShownError {
  override readonly name = 'PaletteRefusedError';
  constructor(readonly channel: string, readonly problem: string) {
    super('DECODE_REFUSED', i18next.t('viewer.decode.palette', { channel, problem, defaultValue: `not shown: PALETTE COLOR image whose ${channel} palette cannot be used: ${problem}` }));
  }
}
