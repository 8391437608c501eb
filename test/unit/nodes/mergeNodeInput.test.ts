import { describe, expect, it } from 'vitest';
import { mergeNodeInput, type NodeConfig } from '../../../app/nodes';

const stored: NodeConfig = {
  id: 'w',
  name: 'W',
  kind: 'dicomweb',
  baseUrl: 'https://pacs.example/dicom-web',
  auth: { type: 'basic', username: 'u', password: { secretRef: 'w/password' } },
  tls: { caFile: '/etc/ca.pem' },
  timeoutMs: 30_000,
};

describe('mergeNodeInput', () => {
  it('blank or null user name and password keep the stored ones; TLS the form never shows is kept', () => {
    expect(mergeNodeInput({ ...stored, tls: undefined, auth: { type: 'basic', username: '', password: null } }, stored)).toMatchObject({
      auth: { type: 'basic', username: 'u', password: { secretRef: 'w/password' } },
      tls: undefined,
    });
    const { tls: _tls, ...withoutTls } = stored;
    expect(mergeNodeInput({ ...withoutTls, auth: { type: 'basic', username: 'v' } }, stored)).toEqual({ ...stored, auth: { type: 'basic', username: 'v', password: { secretRef: 'w/password' } } });
  });

  it('a typed password replaces the stored one', () => {
    expect(mergeNodeInput({ ...stored, auth: { type: 'basic', username: 'u', password: 'new' } }, stored)).toMatchObject({ auth: { password: 'new' } });
  });

  it('a secret is never carried across auth types, and a new node gets none', () => {
    expect(mergeNodeInput({ ...stored, auth: { type: 'bearer', token: null } }, stored)).toMatchObject({ auth: { type: 'bearer' } });
    expect((mergeNodeInput({ ...stored, auth: { type: 'bearer', token: null } }, stored) as { auth: object }).auth).not.toHaveProperty('token');
    expect((mergeNodeInput({ ...stored, auth: { type: 'basic', username: 'u', password: '' } }, undefined) as { auth: object }).auth).toEqual({ type: 'basic', username: 'u' });
  });

  it('TLS paths left blank keep the stored ones; typed paths replace them; verifying the server is the default', () => {
    const withClientCert: NodeConfig = { ...stored, tls: { caFile: '/etc/ca.pem', certFile: '/etc/c.pem', keyFile: '/etc/k.pem' } };
    expect(mergeNodeInput({ ...withClientCert, tls: { caFile: '', certFile: null, keyFile: '/new/k.pem' } }, withClientCert)).toMatchObject({
      tls: { caFile: '/etc/ca.pem', certFile: '/etc/c.pem', keyFile: '/new/k.pem' },
    });
    expect((mergeNodeInput({ ...stored, tls: { caFile: '/x.pem', rejectUnauthorized: true } }, stored) as { tls: object }).tls).toEqual({ caFile: '/x.pem' });
    expect((mergeNodeInput({ ...stored, tls: { rejectUnauthorized: false } }, undefined) as { tls: object }).tls).toEqual({ rejectUnauthorized: false });
    expect((mergeNodeInput({ ...stored, tls: { caFile: '' } }, undefined) as { tls?: object }).tls).toBeUndefined();
  });
});
