import i18next from 'i18next';
import type { DecodeDefect } from '../../app/dicom/knownDecodeDefect';

/** Names of the transfer syntaxes the refusal messages mention (PS3.6 Table A-1). */
const SYNTAX_NAMES: Record<string, string> = {
  '1.2.840.10008.1.2': 'Implicit VR Little Endian',
  '1.2.840.10008.1.2.1': 'Explicit VR Little Endian',
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K Lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

/** A transfer syntax as shown to the reader: its name and UID, or the UID alone. */
export function describeSyntax(uid: string): string {
  const name = SYNTAX_NAMES[uid];
  return name ? `${name} (${uid})` : uid;
}

/** A frame the viewer refuses to decode because its decode is known to give wrong values. */
export class DecodeRefusedError extends Error {
  readonly code = 'DECODE_REFUSED';
  constructor(
    readonly defect: DecodeDefect,
    readonly transferSyntaxUID: string,
  ) {
    const syntax = describeSyntax(transferSyntaxUID);
    const reason = i18next.t(`viewer.decode.${defect}`, { defaultValue: defect });
    super(i18next.t('viewer.decode.refused', { syntax, reason, defaultValue: `not shown: ${syntax}: ${reason}` }));
    this.name = 'DecodeRefusedError';
  }
}

/** A decode that did not settle within the time limit (its worker was replaced). */
export class DecodeTimeoutError extends Error {
  readonly code = 'DECODE_TIMEOUT';
  constructor(
    readonly transferSyntaxUID: string,
    readonly timeoutMs: number,
  ) {
    const syntax = describeSyntax(transferSyntaxUID);
    const seconds = Math.round(timeoutMs / 100) / 10;
    super(i18next.t('viewer.decode.timeout', { syntax, seconds, defaultValue: `decoding did not complete within ${seconds} s (${syntax})` }));
    this.name = 'DecodeTimeoutError';
  }
}

/** A PALETTE COLOR frame refused before its decode: a channel of its palette cannot be used (PS3.3 C.7.6.3.1.5-6). */
export class PaletteRefusedError extends Error {
  readonly code = 'DECODE_REFUSED';
  constructor(
    readonly channel: string,
    readonly problem: string,
  ) {
    super(i18next.t('viewer.decode.palette', { channel, problem, defaultValue: `not shown: PALETTE COLOR image whose ${channel} palette cannot be used: ${problem}` }));
    this.name = 'PaletteRefusedError';
  }
}
