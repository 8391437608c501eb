import { describe, expect, it } from 'vitest';
import { mergeNodeInput, parseNodesFile, publicNodeView, type NodeConfig } from '../../../app/nodes';
import { draftFromView, draftToInput } from '../../../renderer/features/settings/nodeDraft';

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
