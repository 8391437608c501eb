import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, NodesConfigError, parseNodesFile } from '../../../app/nodes';

const dicomweb = {
  id: 'orthanc-a',
  name: 'Orthanc A',
  kind: 'dicomweb',
  baseUrl: 'https://pacs.example.org:8443/dicom-web',
  auth: { type: 'basic', username: 'reader', password: { secretRef: 'orthanc-a-password' } },
};
const dimse = {
  id: 'dimse-1',
  name: 'Legacy PACS',
  kind: 'dimse',
  host: '10.0.0.5',
  port: 104,
  calledAeTitle: 'PACS',
  callingAeTitle: 'GARDE',
  retrieve: 'C-GET',
};
const folder = { id: 'cd', name: 'CD import', kind: 'folder', path: '/media/cdrom/DICOMDIR' };

function text(nodes: unknown[]): string {
  return JSON.stringify({ nodes });
}

function errorOf(fn: () => unknown): NodesConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NodesConfigError);
    return error as NodesConfigError;
  }
  throw new Error('expected a NodesConfigError');
}

describe('parseNodesFile: valid files', () => {
  it('accepts the three kinds and applies the default timeout', () => {
    const config = parseNodesFile(text([dicomweb, dimse, folder]), 'nodes.json');
    expect(config.nodes.map((n) => n.kind)).toEqual(['dicomweb', 'dimse', 'folder']);
    const first = config.nodes[0];
    expect(first?.kind === 'dicomweb' && first.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });

  it('accepts inline secrets, bearer tokens, TLS settings and C-MOVE with scpPort', () => {
    const config = parseNodesFile(
      text([
        { ...dicomweb, auth: { type: 'bearer', token: 'abc' }, tls: { caFile: '/ca.pem', certFile: '/c.pem', keyFile: '/k.pem', rejectUnauthorized: true }, timeoutMs: 5000, qidoSupportsFuzzy: true, stowUrl: 'https://pacs.example.org:8443/stow' },
        { ...dimse, id: 'dimse-2', retrieve: 'C-MOVE', scpPort: 11112 },
        { ...dicomweb, id: 'anon', auth: { type: 'none' } },
      ]),
      'nodes.json',
    );
    expect(config.nodes).toHaveLength(3);
  });

  it('accepts an empty list and a leading byte order mark', () => {
    expect(parseNodesFile('\uFEFF{"nodes":[]}', 'n.json').nodes).toEqual([]);
  });
});

describe('parseNodesFile: errors name the file and the field', () => {
  it('reports invalid JSON with line, column and position', () => {
    const error = errorOf(() => parseNodesFile('{\n  "nodes": [\n    {"id": }\n  ]\n}', 'site.json'));
    expect(error.message).toMatch(/^site\.json: invalid JSON at line 3 column 12 \(position 26\): unexpected character "}"/);
  });

  it('reports truncated JSON at its end', () => {
    const source = '{"nodes": [';
    expect(errorOf(() => parseNodesFile(source, 'n.json')).message).toContain(`position ${source.length}`);
  });

  it('reports a missing password with its path', () => {
    const bad = { ...dicomweb, auth: { type: 'basic', username: 'u' } };
    const error = errorOf(() => parseNodesFile(text([folder, bad]), 'nodes.json'));
    expect(error.message).toBe('nodes.json: nodes[1].auth.password: required');
    expect(error.fileName).toBe('nodes.json');
    expect(error.issues).toEqual([{ path: 'nodes[1].auth.password', message: 'required' }]);
  });

  it('reports an empty secretRef', () => {
    const bad = { ...dicomweb, auth: { type: 'bearer', token: { secretRef: '' } } };
    expect(errorOf(() => parseNodesFile(text([bad]), 'n.json')).message).toMatch(/^n\.json: nodes\[0\]\.auth\.token/);
  });

  it('reports an unknown kind', () => {
    const error = errorOf(() => parseNodesFile(text([dimse, { ...folder, kind: 'ftp' }]), 'nodes.json'));
    expect(error.message).toBe('nodes.json: nodes[1].kind: unknown kind "ftp" (expected one of: dicomweb, dimse, folder)');
  });

  it('reports a missing kind as required', () => {
    const { kind: _kind, ...noKind } = folder;
    expect(errorOf(() => parseNodesFile(text([noKind]), 'n.json')).message).toBe('n.json: nodes[0].kind: required');
  });

  it('reports an unknown auth type', () => {
    const error = errorOf(() => parseNodesFile(text([{ ...dicomweb, auth: { type: 'digest' } }]), 'n.json'));
    expect(error.message).toContain('n.json: nodes[0].auth.type: unknown auth type "digest"');
  });

  it('reports duplicate ids naming both entries', () => {
    const error = errorOf(() => parseNodesFile(text([folder, dimse, { ...dicomweb, id: 'cd' }]), 'nodes.json'));
    expect(error.message).toBe('nodes.json: nodes[2].id: duplicate id "cd" (already used by nodes[0])');
  });

  it('reports unknown fields (typos) with their path', () => {
    const error = errorOf(() => parseNodesFile(text([{ ...dicomweb, auth: { type: 'none', pasword: 'x' } }]), 'n.json'));
    expect(error.message).toBe('n.json: nodes[0].auth.pasword: unknown field');
  });

  it('rejects ids that are not slugs', () => {
    for (const id of ['Orthanc', 'a_b', '-a', 'a-', '', 'a b']) {
      expect(errorOf(() => parseNodesFile(text([{ ...folder, id }]), 'n.json')).message).toMatch(/^n\.json: nodes\[0\]\.id: /);
    }
  });

  it('rejects a missing nodes array and a non-object root', () => {
    expect(errorOf(() => parseNodesFile('{}', 'n.json')).message).toBe('n.json: nodes: required');
    expect(errorOf(() => parseNodesFile('[]', 'n.json')).message).toMatch(/^n\.json: /);
  });

  it('lists every issue, one per line', () => {
    const error = errorOf(() => parseNodesFile(text([{ ...dimse, port: 0 }, { ...folder, path: '' }]), 'n.json'));
    expect(error.issues.map((i) => i.path)).toEqual(['nodes[0].port', 'nodes[1].path']);
    expect(error.message.split('\n')).toHaveLength(2);
  });
});

describe('parseNodesFile: DICOMweb URLs', () => {
  const cases: [string, RegExp][] = [
    ['not a url', /must be an absolute URL/],
    ['ftp://pacs/dicom-web', /http or https/],
    ['https://user:pw@pacs/dicom-web', /must not contain credentials/],
    ['https://pacs/dicom-web?token=1', /must not contain a query/],
    ['https://pacs/dicom-web#x', /must not contain a fragment/],
  ];
  it.each(cases)('rejects baseUrl %s', (baseUrl, expected) => {
    const error = errorOf(() => parseNodesFile(text([{ ...dicomweb, baseUrl }]), 'n.json'));
    expect(error.issues[0]?.path).toBe('nodes[0].baseUrl');
    expect(error.message).toMatch(expected);
  });

  it('rejects a stowUrl on another origin', () => {
    const error = errorOf(() => parseNodesFile(text([{ ...dicomweb, stowUrl: 'https://evil.example/stow' }]), 'n.json'));
    expect(error.message).toBe('n.json: nodes[0].stowUrl: must have the same origin as baseUrl (credentials go to that origin only)');
  });

  it('requires certFile and keyFile together', () => {
    const error = errorOf(() => parseNodesFile(text([{ ...dicomweb, tls: { certFile: '/c.pem' } }]), 'n.json'));
    expect(error.issues[0]?.path).toBe('nodes[0].tls.keyFile');
  });
});

describe('parseNodesFile: DIMSE nodes', () => {
  it('requires scpPort for C-MOVE', () => {
    const error = errorOf(() => parseNodesFile(text([{ ...dimse, retrieve: 'C-MOVE' }]), 'n.json'));
    expect(error.message).toMatch(/^n\.json: nodes\[0\]\.scpPort: required when retrieve is "C-MOVE"/);
  });

  it('rejects an unknown retrieve method', () => {
    expect(errorOf(() => parseNodesFile(text([{ ...dimse, retrieve: 'WADO' }]), 'n.json')).issues[0]?.path).toBe('nodes[0].retrieve');
  });

  const badTitles: [string, RegExp][] = [
    ['A'.repeat(17), /at most 16/],
    ['PACS\\1', /backslash/],
    ['PA\tCS', /control/],
    ['    ', /only of spaces/],
    ['', /empty/],
    ['PACSé', /printable ASCII/],
  ];
  it.each(badTitles)('rejects calledAeTitle %j', (calledAeTitle, expected) => {
    const error = errorOf(() => parseNodesFile(text([{ ...dimse, calledAeTitle }]), 'n.json'));
    expect(error.issues[0]?.path).toBe('nodes[0].calledAeTitle');
    expect(error.message).toMatch(expected);
  });

  it('accepts a 16-character AE title with inner spaces', () => {
    expect(() => parseNodesFile(text([{ ...dimse, callingAeTitle: 'GARDE READER 01X' }]), 'n.json')).not.toThrow();
  });
});
