import { useEffect, useState } from 'react';
import type { GardeErrorData } from '../../app/ipc/errors';
import type { NodeSummary } from '../../app/ipc/contract';
import { useAppServices } from './AppContext';

/** Configured PACS nodes, as main lists them. */
export type NodesState = { status: 'loading' } | { status: 'ready'; nodes: NodeSummary[] } | { status: 'error'; error: GardeErrorData };

/** Loads the configured nodes, again whenever `version` changes (after Settings changed them). */
export function useNodes(version = 0): NodesState {
  const { api } = useAppServices();
  const [state, setState] = useState<NodesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void api.listNodes().then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', nodes: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  return state;
}
