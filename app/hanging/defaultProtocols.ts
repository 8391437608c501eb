import ct from '../../assets/hanging/ct.json';
import ctComparison from '../../assets/hanging/ct-comparison.json';
import generic from '../../assets/hanging/generic.json';
import mgScreening from '../../assets/hanging/mg-screening.json';
import mr from '../../assets/hanging/mr.json';
import xray from '../../assets/hanging/xray.json';
import { loadProtocols, type ProtocolFile } from './loadProtocols';
import type { HangingProtocol } from './protocolSchema';

/** The protocol files shipped in assets/hanging, by file name. */
export const DEFAULT_PROTOCOL_FILES: readonly ProtocolFile[] = [
  { fileName: 'assets/hanging/ct.json', content: ct },
  { fileName: 'assets/hanging/ct-comparison.json', content: ctComparison },
  { fileName: 'assets/hanging/mr.json', content: mr },
  { fileName: 'assets/hanging/xray.json', content: xray },
  { fileName: 'assets/hanging/mg-screening.json', content: mgScreening },
  { fileName: 'assets/hanging/generic.json', content: generic },
];

let cached: HangingProtocol[] | undefined;

/**
 * The shipped hanging protocols, validated on first use: CT windows, CT
 * comparison with the prior, MR sequences, CR/DX one image per viewport,
 * screening mammography with its prior, and a generic fallback.
 * @throws HangingProtocolError when a shipped file is invalid.
 */
export function defaultProtocols(): readonly HangingProtocol[] {
  cached ??= loadProtocols(DEFAULT_PROTOCOL_FILES);
  return cached;
}
