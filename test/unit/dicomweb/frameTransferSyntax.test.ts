import { describe, expect, it } from 'vitest';
import { frameTransferSyntax } from '../../../app/dicomweb';

describe('frameTransferSyntax', () => {
  it('reads the transfer-syntax parameter, quoted or not, whatever its case', () => {
    expect(frameTransferSyntax('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.51')).toBe('1.2.840.10008.1.2.4.51');
    expect(frameTransferSyntax('application/octet-stream; Transfer-Syntax="1.2.840.10008.1.2.1"')).toBe('1.2.840.10008.1.2.1');
  });
  it('falls back to the syntax a bare media type implies, then to Implicit VR Little Endian', () => {
    expect(frameTransferSyntax('image/jls')).toBe('1.2.840.10008.1.2.4.80');
    expect(frameTransferSyntax('application/octet-stream')).toBe('1.2.840.10008.1.2');
    expect(frameTransferSyntax(undefined)).toBe('1.2.840.10008.1.2');
    expect(frameTransferSyntax('not a media type')).toBe('1.2.840.10008.1.2');
  });
});
