import { describe, expect, it } from 'vitest';
import { DicomwebNodeSchema, mergeNodeInput, parseNodesFile, publicNodeView, type NodeConfig } from '../../../app/nodes';
import { draftFromView, draftToInput, emptyDraft, issueField, type NodeDraft } from '../../../renderer/features/settings/nodeDraft';

const stored: NodeConfig = parseNodesFile(
  JSON.stringify({
    nodes: [{ id: 'tls', name: 'TLS PACS', kind: 'dicomweb', baseUrl: 'https://pacs.example/dicom-web', auth: { type: 'basic', username: 'u', password: 'p' }, tls: { caFile: '/etc/ca.pem', certFile: '/etc/c.pem', keyFile: '/etc/k.pem' } }],
  }),
  'nodes.json',
).nodes[0]!;

describe('the Settings form and TLS settings', () => {
  it('editing a node without touching its TLS paths keeps them, and never shows them', () => {
    const view = publicNodeView(stored);
    expect(JSON.stringify(view)).not.toContain('/etc/');
    const draft = draftFromView(view);
    expect(draft.tlsConfigured).toEqual({ customCa: true, clientCertificate: true });
    const merged = mergeNodeInput(draftToInput(draft), stored);
    const [saved] = parseNodesFile(JSON.stringify({ nodes: [merged] }), 'nodes.json').nodes;
    expect(saved).toEqual(stored);
  });

  it('unticking "verify the PACS certificate" is saved', () => {
    const draft = { ...draftFromView(publicNodeView(stored)), rejectUnauthorized: false };
    const merged = mergeNodeInput(draftToInput(draft), stored) as NodeConfig & { tls: object };
    expect(merged.tls).toEqual({ caFile: '/etc/ca.pem', certFile: '/etc/c.pem', keyFile: '/etc/k.pem', rejectUnauthorized: false });
  });
});

describe('the Settings form and the advanced DICOMweb settings', () => {
  const plain: NodeConfig = parseNodesFile(
    JSON.stringify({ nodes: [{ id: 'web', name: 'PACS', kind: 'dicomweb', baseUrl: 'https://pacs.example/dicom-web', stowUrl: 'https://pacs.example/stow', qidoSupportsFuzzy: true, timeoutMs: 45_000, auth: { type: 'none' } }] }),
    'nodes.json',
  ).nodes[0]!;
  const save = (draft: NodeDraft) => parseNodesFile(JSON.stringify({ nodes: [mergeNodeInput(draftToInput(draft), plain)] }), 'nodes.json').nodes[0]!;

  it('shows the STOW-RS address, the timeout in seconds and fuzzy matching, and keeps them when untouched', () => {
    const draft = draftFromView(publicNodeView(plain));
    expect([draft.stowUrl, draft.timeoutSeconds, draft.qidoSupportsFuzzy]).toEqual(['https://pacs.example/stow', '45', true]);
    expect(save(draft)).toEqual(plain);
  });

  it('saves a changed timeout (decimal comma allowed), a cleared STOW-RS address and fuzzy matching turned off', () => {
    const draft = { ...draftFromView(publicNodeView(plain)), stowUrl: ' ', timeoutSeconds: '7,5', qidoSupportsFuzzy: false };
    const saved = save(draft) as NodeConfig & { stowUrl?: string; timeoutMs: number; qidoSupportsFuzzy?: boolean };
    expect([saved.stowUrl, saved.timeoutMs, saved.qidoSupportsFuzzy]).toEqual([undefined, 7500, undefined]);
  });

  it('names the timeout field when it is not a number, and the STOW-RS field when it leaves the origin', () => {
    const issueAt = (input: unknown, key: string) => DicomwebNodeSchema.safeParse(mergeNodeInput(input, undefined)).error!.issues.find((i) => i.path[0] === key)!;
    const badTimeout = draftToInput({ ...emptyDraft(), name: 'X', baseUrl: 'https://pacs.example/dicom-web', timeoutSeconds: 'soon', authType: 'none' });
    const timeoutIssue = issueAt(badTimeout, 'timeoutMs');
    expect(issueField({ path: timeoutIssue.path.join('.'), message: timeoutIssue.message })).toBe('timeoutSeconds');
    const otherOrigin = draftToInput({ ...emptyDraft(), name: 'X', baseUrl: 'https://pacs.example/dicom-web', stowUrl: 'https://elsewhere.example/stow', authType: 'none' });
    const stowIssue = issueAt(otherOrigin, 'stowUrl');
    expect(issueField({ path: stowIssue.path.join('.'), message: stowIssue.message })).toBe('stowUrl');
  });
});
