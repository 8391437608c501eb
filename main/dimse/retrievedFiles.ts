import { readPart10Dataset } from '../../app/dicom/part10Dataset';
import type { Part10Store } from '../gateway/part10Wado';
import type { StoredInstance, TempInstanceStore } from './tempInstanceStore';

/**
 * The instances a DIMSE node retrieved (C-GET / C-MOVE into the temporary store) as a Part 10 store
 * the gateway's WADO-RS answers read: bytes from the store, the data set read from them when asked.
 */
export function retrievedFiles(store: TempInstanceStore, nodeName: string): Part10Store<StoredInstance> {
  return {
    label: `DIMSE node "${nodeName}"`,
    read: async (instance) => store.read(instance),
    header: async (instance) => readPart10Dataset(await store.read(instance), { ignoreErrors: true }),
  };
}
