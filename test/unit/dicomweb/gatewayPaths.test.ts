import { describe, expect, it } from 'vitest';
import { DicomwebPathError, dicomwebPath, parseDicomwebPath, retrieveUrl, type DicomwebResource } from '../../../app/dicomweb/parseDicomwebPath';
import { frameUrl, gatewayPath, gatewayUrl, nodeResourceUrl, parseFrameUrl, parseGatewayPath, parseGatewayUrl, studyUrl, type GatewayResource } from '../../../app/dicomweb/gatewayPaths';

const study = '1.2.826.0.1.3680043.8.498.1';
const series = '1.2.826.0.1.3680043.8.498.2';
const sop = '1.2.826.0.1.3680043.8.498.3';

describe('DICOMweb paths (PS3.18 10.4-10.6)', () => {
  const cases: [string, string, DicomwebResource][] = [
    ['GET', 'studies', { kind: 'search', level: 'studies' }],
    ['GET', 'series', { kind: 'search', level: 'series' }],
    ['GET', 'instances', { kind: 'search', level: 'instances' }],
    ['GET', `studies/${study}/series`, { kind: 'search', level: 'series', StudyInstanceUID: study }],
    ['GET', `studies/${study}/instances`, { kind: 'search', level: 'instances', StudyInstanceUID: study }],
    ['GET', `studies/${study}/series/${series}/instances`, { kind: 'search', level: 'instances', StudyInstanceUID: study, SeriesInstanceUID: series }],
    ['GET', `studies/${study}`, { kind: 'retrieve', what: 'instances', StudyInstanceUID: study }],
    ['GET', `studies/${study}/metadata`, { kind: 'retrieve', what: 'metadata', StudyInstanceUID: study }],
    ['GET', `studies/${study}/series/${series}`, { kind: 'retrieve', what: 'instances', StudyInstanceUID: study, SeriesInstanceUID: series }],
    ['GET', `studies/${study}/series/${series}/metadata`, { kind: 'retrieve', what: 'metadata', StudyInstanceUID: study, SeriesInstanceUID: series }],
    ['GET', `studies/${study}/series/${series}/rendered`, { kind: 'retrieve', what: 'rendered', StudyInstanceUID: study, SeriesInstanceUID: series }],
    ['GET', `studies/${study}/series/${series}/instances/${sop}`, { kind: 'retrieve', what: 'instances', StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop }],
    ['GET', `studies/${study}/series/${series}/instances/${sop}/thumbnail`, { kind: 'retrieve', what: 'thumbnail', StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop }],
    ['GET', `studies/${study}/series/${series}/instances/${sop}/frames/1,2`, { kind: 'frames', what: 'frames', StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop, frames: [1, 2] }],
    ['GET', `studies/${study}/series/${series}/instances/${sop}/frames/3/rendered`, { kind: 'frames', what: 'rendered', StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop, frames: [3] }],
    ['POST', 'studies', { kind: 'store' }],
    ['POST', `studies/${study}`, { kind: 'store', StudyInstanceUID: study }],
    ['GET', 'bulkdata/a/b/c', { kind: 'bulkdata', segments: ['a', 'b', 'c'] }],
  ];
  it.each(cases)('%s %s builds and parses back', (method, path, resource) => {
    expect(dicomwebPath(resource)).toBe(path);
    expect(parseDicomwebPath(method, path)).toEqual(resource);
  });

  it('percent-decodes UIDs when parsing and encodes what is not a path character when building', () => {
    expect(parseDicomwebPath('GET', 'studies/1%2E2%2E3/series')).toEqual({ kind: 'search', level: 'series', StudyInstanceUID: '1.2.3' });
    // A UID a PACS sent with a trailing space stays addressable, encoded.
    expect(dicomwebPath({ kind: 'retrieve', what: 'metadata', StudyInstanceUID: '1.2.3 ', SeriesInstanceUID: '4?5' })).toBe('studies/1.2.3%20/series/4%3F5/metadata');
  });

  it('refuses malformed paths and resources with the reason', () => {
    for (const path of ['studies/1.2.x', 'studies/1..2', `studies/${study}/frames/1`, `studies/${study}/series/${series}/instances/${sop}/frames/0`, `studies/${study}/series/${series}/instances/${sop}/frames/1,a`, 'patients', 'studies/%E0%A4%A']) {
      expect(() => parseDicomwebPath('GET', path), path).toThrow(DicomwebPathError);
    }
    expect(() => parseDicomwebPath('POST', `studies/${study}/series`)).toThrow(/POST is only accepted/);
    expect(() => parseDicomwebPath('DELETE', 'studies')).toThrow(/not supported/);
    expect(() => dicomwebPath({ kind: 'retrieve', what: 'instances', StudyInstanceUID: '' })).toThrow(/StudyInstanceUID/);
    expect(() => dicomwebPath({ kind: 'retrieve', what: 'instances', StudyInstanceUID: '1/2' })).toThrow(DicomwebPathError);
    expect(() => dicomwebPath({ kind: 'frames', what: 'frames', StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop, frames: [] })).toThrow(/frame list/);
    expect(() => dicomwebPath({ kind: 'frames', what: 'frames', StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop, frames: [1.5] })).toThrow(/frame list/);
    expect(() => dicomwebPath({ kind: 'search', level: 'instances', SeriesInstanceUID: series })).toThrow(/StudyInstanceUID/);
  });
});

describe('gateway paths', () => {
  const resources: [GatewayResource, string][] = [
    [{ kind: 'nodes' }, '/nodes'],
    [{ kind: 'federated-search' }, '/search/studies'],
    [{ kind: 'ping', nodeId: 'pacs-nord' }, '/nodes/pacs-nord/ping'],
    [{ kind: 'dicomweb', nodeId: 'pacs-nord', path: '' }, '/nodes/pacs-nord/dicom-web'],
    [{ kind: 'dicomweb', nodeId: 'pacs-nord', path: `studies/${study}/series` }, `/nodes/pacs-nord/dicom-web/studies/${study}/series`],
    [{ kind: 'dicomweb', nodeId: 'nœud sud/2', path: 'studies' }, '/nodes/n%C5%93ud%20sud%2F2/dicom-web/studies'],
  ];
  it.each(resources)('%j is %s, and back', (resource, path) => {
    expect(gatewayPath(resource)).toBe(path);
    expect(parseGatewayPath(path)).toEqual(resource);
  });

  it('appends a query and joins a base with or without its trailing slash', () => {
    expect(gatewayUrl('/gateway/', { kind: 'federated-search' }, 'PatientID=P1&limit=10')).toBe('/gateway/search/studies?PatientID=P1&limit=10');
    expect(gatewayUrl('garde://gateway', { kind: 'nodes' })).toBe('garde://gateway/nodes');
    expect(nodeResourceUrl('/gateway', 'pacs-sud', { kind: 'search', level: 'studies' }, 'PatientID=X')).toBe('/gateway/nodes/pacs-sud/dicom-web/studies?PatientID=X');
    expect(nodeResourceUrl('/gateway', 'pacs-sud', { kind: 'store' })).toBe('/gateway/nodes/pacs-sud/dicom-web/studies');
    expect(studyUrl({ gatewayBaseUrl: 'http://127.0.0.1:8420/gateway', nodeId: 'a', StudyInstanceUID: study })).toBe(`http://127.0.0.1:8420/gateway/nodes/a/dicom-web/studies/${study}`);
  });

  it('refuses paths that name no gateway resource', () => {
    for (const path of ['/', '/node', '/nodes/a', '/nodes/a/pings', '/nodes/a/dicom-webx/studies', '/nodes//dicom-web', '/nodes/%E0%A4%A/ping', '/search/series']) {
      expect(() => parseGatewayPath(path), path).toThrow(DicomwebPathError);
    }
    expect(() => gatewayPath({ kind: 'ping', nodeId: '' })).toThrow(/node id/);
  });

  it('splits an absolute frame URL (an image id) into gateway, node and frame, whatever the gateway address', () => {
    const frame = { StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop, frame: 7 };
    for (const base of ['http://127.0.0.1:8420/gateway', 'http://127.0.0.1:9999/gateway', 'garde://gateway']) {
      const url = frameUrl(base, 'pacs-nord', frame);
      expect(url).toBe(`${base}/nodes/pacs-nord/dicom-web/studies/${study}/series/${series}/instances/${sop}/frames/7`);
      expect(parseFrameUrl(url)).toEqual({ gatewayBaseUrl: base, nodeId: 'pacs-nord', ...frame });
      expect(parseFrameUrl(`${url}?x=1`)).toEqual({ gatewayBaseUrl: base, nodeId: 'pacs-nord', ...frame });
    }
    expect(parseFrameUrl(frameUrl('/gateway', 'a b', frame))?.nodeId).toBe('a b');
    // Not a single frame, or not a gateway URL.
    expect(parseFrameUrl(`/gateway/nodes/a/dicom-web/studies/${study}/series/${series}/instances/${sop}/frames/1,2`)).toBeUndefined();
    expect(parseFrameUrl(`/gateway/nodes/a/dicom-web/studies/${study}/series/${series}/instances/${sop}/frames/1/rendered`)).toBeUndefined();
    expect(parseFrameUrl(`https://pacs.example/dicom-web/studies/${study}/series/${series}/instances/${sop}/frames/1`)).toBeUndefined();
    expect(parseFrameUrl(`/gateway/nodes/a/dicom-web/studies/1.x/series/${series}/instances/${sop}/frames/1`)).toBeUndefined();
    expect(parseGatewayUrl(`/gateway/nodes/a/dicom-web/studies/${study}/series`)).toEqual({ gatewayBaseUrl: '/gateway', nodeId: 'a', resource: { kind: 'search', level: 'series', StudyInstanceUID: study } });
  });
});

describe('retrieveUrl (Retrieve URL of a search result or a stored instance)', () => {
  const base = 'http://127.0.0.1:5000/gateway/nodes/n/dicom-web/';
  it('names the study, the series or the instance under the base', () => {
    expect(retrieveUrl(base, { StudyInstanceUID: '1.2.3' })).toBe('http://127.0.0.1:5000/gateway/nodes/n/dicom-web/studies/1.2.3');
    expect(retrieveUrl(base, { StudyInstanceUID: '1.2.3', SeriesInstanceUID: '1.2.3.4' })).toBe('http://127.0.0.1:5000/gateway/nodes/n/dicom-web/studies/1.2.3/series/1.2.3.4');
    expect(retrieveUrl(base, { StudyInstanceUID: '1.2.3', SeriesInstanceUID: '1.2.3.4', SOPInstanceUID: '1.2.3.4.5' })).toBe(
      'http://127.0.0.1:5000/gateway/nodes/n/dicom-web/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5',
    );
  });
  it('addresses a malformed UID as the PACS sent it (percent-encoded), and gives no URL for one that would change the path', () => {
    expect(retrieveUrl(base, { StudyInstanceUID: '1.2.3', SeriesInstanceUID: '1.2 .3' })).toBe('http://127.0.0.1:5000/gateway/nodes/n/dicom-web/studies/1.2.3/series/1.2%20.3');
    expect(retrieveUrl(base, { StudyInstanceUID: '1.2.3/../x' })).toBeUndefined();
    expect(retrieveUrl(base, { StudyInstanceUID: '' })).toBeUndefined();
  });
});
