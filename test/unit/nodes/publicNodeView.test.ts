import { describe, expect, it } from 'vitest';
import { mayReceiveNodeCredential, nodeOrigin, parseNodesFile, publicNodeView, isSecretRef } from '../../../app/nodes';

const config = parseNodesFile(
  JSON.stringify({
    nodes: [
      {
        id: 'web',
        name: 'Web PACS',
        kind: 'dicomweb',
        baseUrl: 'HTTPS://Pacs.Example.org:443/dicom-web',
        auth: { type: 'basic', username: 'reader-name', password: 'hunter2-secret' },
        tls: { caFile: '/etc/ca-secret.pem', certFile: '/etc/cert-secret.pem', keyFile: '/etc/key-secret.pem' },
      },
      { id: 'tok', name: 'Token PACS', kind: 'dicomweb', baseUrl: 'http://127.0.0.1:8042/dicom-web', auth: { type: 'bearer', token: { secretRef: 'vault-key-secret' } } },
      { id: 'old', name: 'Old', kind: 'dimse', host: 'h', port: 104, calledAeTitle: 'A', callingAeTitle: 'B', retrieve: 'C-MOVE', scpPort: 11112 },
      { id: 'cd', name: 'CD', kind: 'folder', path: '/media/cd' },
    ],
  }),
  'nodes.json',
);
const [web, tok, old, cd] = config.nodes;

describe('publicNodeView', () => {
  it('never shows passwords, usernames, tokens, vault keys or TLS file paths', () => {
    const shown = JSON.stringify(config.nodes.map(publicNodeView));
    for (const secret of ['hunter2', 'reader-name', 'vault-key', 'ca-secret', 'cert-secret', 'key-secret']) {
      expect(shown).not.toContain(secret);
    }
  });

  it('describes a DICOMweb node by its public fields', () => {
    expect(publicNodeView(web!)).toEqual({
      id: 'web',
      name: 'Web PACS',
      kind: 'dicomweb',
      baseUrl: 'HTTPS://Pacs.Example.org:443/dicom-web',
      authType: 'basic',
      qidoSupportsFuzzy: false,
      timeoutMs: 30000,
      tls: { customCa: true, clientCertificate: true, rejectUnauthorized: true },
    });
  });

  it('keeps DIMSE and folder fields', () => {
    expect(publicNodeView(old!)).toEqual({ id: 'old', name: 'Old', kind: 'dimse', host: 'h', port: 104, calledAeTitle: 'A', callingAeTitle: 'B', retrieve: 'C-MOVE', scpPort: 11112 });
    expect(publicNodeView(cd!)).toEqual({ id: 'cd', name: 'CD', kind: 'folder', path: '/media/cd' });
  });
});

describe('nodeOrigin and mayReceiveNodeCredential', () => {
  it('normalises scheme, host case and default port', () => {
    expect(web?.kind === 'dicomweb' && nodeOrigin(web)).toBe('https://pacs.example.org');
    expect(tok?.kind === 'dicomweb' && nodeOrigin(tok)).toBe('http://127.0.0.1:8042');
  });

  it('allows the credential only on the node origin', () => {
    if (web?.kind !== 'dicomweb') throw new Error('fixture');
    expect(mayReceiveNodeCredential(web, 'https://pacs.example.org/dicom-web/studies')).toBe(true);
    expect(mayReceiveNodeCredential(web, 'https://pacs.example.org:443/other')).toBe(true);
    for (const url of [
      'http://pacs.example.org/dicom-web/studies',
      'https://pacs.example.org:8443/dicom-web',
      'https://pacs.example.org.evil.test/dicom-web',
      'https://evil.test/?url=https://pacs.example.org',
      'https://x@pacs.example.org/dicom-web',
      '/dicom-web/studies',
      'javascript:alert(1)',
    ]) {
      expect(mayReceiveNodeCredential(web, url), url).toBe(false);
    }
  });

  it('tells vault references from inline secrets', () => {
    if (tok?.kind !== 'dicomweb' || tok.auth.type !== 'bearer') throw new Error('fixture');
    expect(isSecretRef(tok.auth.token)).toBe(true);
    expect(isSecretRef('inline')).toBe(false);
  });
});
