import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMultipart } from '../../../app/dicomweb';
import { buildReportSr, readStoredDocument } from '../../../app/report';
import { createFolderAdapter } from '../../../main/folder';
import { sampleReport } from '../../fixtures/report/sampleReport';

const BASE = 'http://127.0.0.1/gateway/nodes/local/dicom-web';

function stow(adapter: ReturnType<typeof createFolderAdapter>, parts: Uint8Array[]): Promise<Response> {
  const boundary = 'garde-test-boundary';
  const body = buildMultipart(parts.map((p) => ({ headers: { 'Content-Type': 'application/dicom' }, body: p })), boundary);
  const request = new Request(`${BASE}/studies`, { method: 'POST', headers: { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}` }, body: body as Uint8Array<ArrayBuffer> });
  return adapter.fetch(request, { path: 'studies', publicBase: BASE, signal: new AbortController().signal });
}

function get(adapter: ReturnType<typeof createFolderAdapter>, path: string): Promise<Response> {
  return adapter.fetch(new Request(`${BASE}/${path}`, { headers: { accept: 'application/dicom+json' } }), { path: path.split('?')[0]!, publicBase: BASE, signal: new AbortController().signal });
}

describe('a folder node that receives (STOW-RS into the folder)', () => {
  const report = sampleReport();

  it('stores a report, indexes it at once, and answers it back by QIDO and WADO', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'garde-receive-'));
    const adapter = createFolderAdapter({ id: 'local', name: 'Local', kind: 'folder', path: folder, receive: true }, { log: () => undefined });
    await adapter.ready;
    const answer = await stow(adapter, [buildReportSr(report)]);
    expect(answer.status).toBe(200);
    const json = (await answer.json()) as Record<string, { Value?: Record<string, { Value?: string[] }>[] }>;
    expect(json['00081199']?.Value?.[0]?.['00081155']?.Value).toEqual([report.uids.sr.SOPInstanceUID]);
    expect(existsSync(join(folder, 'received', report.study.StudyInstanceUID, `${report.uids.sr.SOPInstanceUID}.dcm`))).toBe(true);
    const series = (await (await get(adapter, `studies/${report.study.StudyInstanceUID}/series`)).json()) as unknown[];
    expect(series.length).toBe(1);
    const metadata = (await (await get(adapter, `studies/${report.study.StudyInstanceUID}/series/${report.uids.sr.SeriesInstanceUID}/metadata`)).json()) as never[];
    expect(readStoredDocument(metadata[0]!)?.lines.map((l) => l.text)).toContain(report.sections.conclusion);
    // The same instance again: stored again, still one.
    expect((await stow(adapter, [buildReportSr(report)])).status).toBe(200);
    expect(((await (await get(adapter, `studies/${report.study.StudyInstanceUID}/instances`)).json()) as unknown[]).length).toBe(1);
  });

  it('says which parts it refused: not DICOM, or UIDs that are not UIDs (never a path)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'garde-receive-'));
    const adapter = createFolderAdapter({ id: 'local', name: 'Local', kind: 'folder', path: folder, receive: true }, { log: () => undefined });
    await adapter.ready;
    const evil = buildReportSr(sampleReport({ uids: { ...report.uids, sr: { SeriesInstanceUID: '2.25.1', SOPInstanceUID: '../../escape' } } }));
    const answer = await stow(adapter, [new TextEncoder().encode('not dicom'), evil, buildReportSr(report)]);
    expect(answer.status).toBe(202);
    const json = (await answer.json()) as Record<string, { Value?: Record<string, { Value?: number[] }>[] }>;
    expect(json['00081198']?.Value?.map((f) => f['00081197']?.Value?.[0])).toEqual([0xc000, 0xc000]);
    expect(existsSync(join(folder, '..', 'escape.dcm'))).toBe(false);
  });

  it('refuses STOW-RS with 405 when the folder is read-only (a CD)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'garde-receive-'));
    const adapter = createFolderAdapter({ id: 'cd', name: 'CD', kind: 'folder', path: folder }, { log: () => undefined });
    await adapter.ready;
    expect((await stow(adapter, [buildReportSr(report)])).status).toBe(405);
  });
});
