import { describe, expect, it } from 'vitest';
import { negotiateTransferSyntax } from '../../../app/dicomweb/negotiateTransferSyntax';

const LE = '1.2.840.10008.1.2.1';
const J2K = '1.2.840.10008.1.2.4.90';

describe('negotiateTransferSyntax (PS3.18 8.7.3)', () => {
  it('sends the deliverable syntax without Accept, with */* and with transfer-syntax=*', () => {
    expect(negotiateTransferSyntax(null, 'frames', J2K)).toEqual({ partType: 'application/octet-stream', transferSyntaxUID: J2K });
    expect(negotiateTransferSyntax('*/*', 'frames', LE)).toEqual({ partType: 'application/octet-stream', transferSyntaxUID: LE });
    expect(negotiateTransferSyntax('multipart/related; type="application/octet-stream"; transfer-syntax=*', 'frames', J2K)?.transferSyntaxUID).toBe(J2K);
  });

  it('refuses a syntax it cannot give, accepts the same one', () => {
    expect(negotiateTransferSyntax(`multipart/related; type="application/octet-stream"; transfer-syntax=${LE}`, 'frames', J2K)).toBeUndefined();
    expect(negotiateTransferSyntax(`multipart/related; type="application/octet-stream"; transfer-syntax=${LE}`, 'frames', LE)?.transferSyntaxUID).toBe(LE);
    expect(negotiateTransferSyntax(`multipart/related; type="application/dicom"; transfer-syntax=${LE}`, 'instances', J2K)).toBeUndefined();
    expect(negotiateTransferSyntax('multipart/related; type="application/dicom"', 'instances', J2K)?.partType).toBe('application/dicom');
  });

  it('honours image media types and the order of preference', () => {
    expect(negotiateTransferSyntax('multipart/related; type="image/jp2"', 'frames', J2K)?.partType).toBe('image/jp2');
    expect(negotiateTransferSyntax('multipart/related; type="image/jpeg"', 'frames', J2K)).toBeUndefined();
    const accept = `multipart/related; type="application/octet-stream"; transfer-syntax=${LE}, multipart/related; type="application/octet-stream"; transfer-syntax=*; q=0.5`;
    expect(negotiateTransferSyntax(accept, 'frames', J2K)?.transferSyntaxUID).toBe(J2K);
  });
});
