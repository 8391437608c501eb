import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DimseNode } from '../../app/nodes';
import { dimse } from '../../main/dimse/dcmjsDimse';
import { planRetrieve } from '../../main/dimse/retrievePlan';
import { findFreePort } from '../fixtures/pacs';

const { Scp, Server, constants, responses } = dimse;
const STUDY = '1.2.826.0.1.3680043.10.543.7301';
const SERIES = '1.2.826.0.1.3680043.10.543.7301.1';
const CT = '1.2.840.10008.5.1.4.1.1.2';

type Keys = Record<string, unknown>;
type FindResponse = InstanceType<typeof dimse.responses.CFindResponse>;
/** How the fake PACS answers: the optional keys it fills, and the queries it saw. */
const behaviour = { count: true as boolean, sopClasses: [CT] as string[], levels: [] as string[] };

/** A C-FIND SCP answering from one series of two CT instances, filling optional keys as `behaviour` says. */
class FindScp extends Scp {
  constructor(socket: Socket, opts: Record<string, unknown>) {
    super(socket, opts);
    socket.setNoDelay(true);
  }
  override associationRequested(association: InstanceType<typeof dimse.association.Association>): void {
    for (const { id } of association.getPresentationContexts()) {
      association.getPresentationContext(id).setResult(constants.PresentationContextResult.Accept, '1.2.840.10008.1.2');
    }
    this.sendAssociationAccept();
  }
  override associationReleaseRequested(): void {
    this.sendAssociationReleaseResponse();
  }
  override cFindRequest(request: InstanceType<typeof dimse.requests.CFindRequest>, callback: (answers: FindResponse[]) => void): void {
    const keys = request.getDataset()?.getElements() as Keys;
    const level = String(keys.QueryRetrieveLevel);
    behaviour.levels.push(level);
    const matches: Keys[] = [];
    if (level === 'STUDY') matches.push({ StudyInstanceUID: STUDY, ...(behaviour.sopClasses.length ? { SOPClassesInStudy: behaviour.sopClasses } : {}) });
    if (level === 'SERIES' && keys.SeriesInstanceUID === SERIES) matches.push({ StudyInstanceUID: STUDY, SeriesInstanceUID: SERIES, ...(behaviour.count ? { NumberOfSeriesRelatedInstances: '2' } : {}) });
    if (level === 'IMAGE' && keys.SeriesInstanceUID === SERIES) for (const sop of ['1.2.3.1', '1.2.3.2']) matches.push({ StudyInstanceUID: STUDY, SeriesInstanceUID: SERIES, SOPInstanceUID: sop, SOPClassUID: CT });
    const out = matches.map((match) => {
      const response = responses.CFindResponse.fromRequest(request);
      response.setDataset(new dimse.Dataset({ ...match, QueryRetrieveLevel: level }));
      response.setStatus(constants.Status.Pending);
      return response;
    });
    const done = responses.CFindResponse.fromRequest(request);
    done.setStatus(constants.Status.Success);
    callback([...out, done]);
  }
}

let server: InstanceType<typeof Server>;
let node: DimseNode;
beforeAll(async () => {
  const port = await findFreePort();
  server = new Server(FindScp as unknown as typeof Scp);
  server.listen(port);
  node = { id: 'fake', name: 'Fake PACS', kind: 'dimse', host: '127.0.0.1', port, calledAeTitle: 'FAKE', callingAeTitle: 'GARDE', retrieve: 'C-GET' };
});
afterAll(() => server.close());

describe('retrieve plan (C-FIND before C-GET / C-MOVE)', () => {
  const target = { StudyInstanceUID: STUDY, SeriesInstanceUID: SERIES };
  const options = { timeoutMs: 5000 };

  it('uses the series count and the study SOP classes when the PACS returns them', async () => {
    Object.assign(behaviour, { count: true, sopClasses: [CT], levels: [] });
    expect(await planRetrieve(node, target, true, options)).toEqual({ sopClassUids: [CT], expectedCount: 2 });
    expect(behaviour.levels.sort()).toEqual(['SERIES', 'STUDY']);
  });

  it('lists the instances at IMAGE level when an optional key is missing or the study has many classes', async () => {
    const listed = { sopClassUids: [CT], expectedCount: 2, sopInstanceUids: ['1.2.3.1', '1.2.3.2'] };
    for (const variant of [{ count: false, sopClasses: [CT] }, { count: true, sopClasses: [] }, { count: true, sopClasses: Array.from({ length: 9 }, (_, i) => `${CT}.${i}`) }]) {
      Object.assign(behaviour, { ...variant, levels: [] });
      expect(await planRetrieve(node, target, true, options)).toEqual(listed);
      expect(behaviour.levels).toContain('IMAGE');
    }
  });

  it('needs no SOP classes for C-MOVE and finds nothing for an unknown series', async () => {
    Object.assign(behaviour, { count: true, sopClasses: [], levels: [] });
    expect(await planRetrieve(node, target, false, options)).toEqual({ sopClassUids: [], expectedCount: 2 });
    expect(behaviour.levels).toEqual(['SERIES']);
    expect(await planRetrieve(node, { ...target, SeriesInstanceUID: '1.2.999' }, true, options)).toBeUndefined();
  });
});
