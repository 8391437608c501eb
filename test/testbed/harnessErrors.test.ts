import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort, OrthancMissingError, PortInUseError, startOrthanc, startRegion } from '../fixtures/pacs';

const base = { name: 'ERRORS', aeTitle: 'ERRORS', username: 'e', password: 'e-secret' };

describe('harness errors', () => {
  let blocker: Server | undefined;

  afterEach(async () => {
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
    blocker = undefined;
  });

  async function occupy(): Promise<number> {
    const port = await findFreePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen({ port, host: '0.0.0.0' }, resolve));
    return port;
  }

  it('names the missing Orthanc binary and the setup command', async () => {
    const error = await startOrthanc({ ...base, binary: '/nonexistent/Orthanc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrthancMissingError);
    expect((error as Error).message).toBe('Orthanc not found at /nonexistent/Orthanc: run `npm run setup:system`');
  });

  it('reports a clash on the HTTP port it was asked to use', async () => {
    const port = await occupy();
    const error = await startOrthanc({ ...base, httpPort: port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toContain(`Port ${port} (HTTP of ERRORS) is already in use`);
  });

  it('reports a clash on the DICOM port it was asked to use', async () => {
    const port = await occupy();
    const error = await startOrthanc({ ...base, dicomPort: port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toContain(`Port ${port} (DICOM of ERRORS) is already in use`);
  });

  it('reports a clash Orthanc itself hits, keeping its logs', async () => {
    const port = await occupy();
    const error = await startOrthanc({ ...base, dicomPort: port, portPreCheck: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toMatch(new RegExp(`^Port ${port} \\(DICOM of ERRORS\\) is already in use.*Orthanc logs kept in (/\\S+)\\)$`));
    const dir = /logs kept in (\S+)\)$/.exec((error as Error).message)?.[1] ?? '';
    expect(existsSync(join(dir, 'orthanc.log'))).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });

  it('a region started twice side by side gets distinct ports', async () => {
    const [a, b] = await Promise.all([startRegion(), startRegion()]);
    try {
      const ports = [a.nord.httpPort, a.nord.dimsePort, a.sud.httpPort, a.sud.dimsePort, b.nord.httpPort, b.nord.dimsePort, b.sud.httpPort, b.sud.dimsePort];
      expect(new Set(ports).size).toBe(ports.length);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
