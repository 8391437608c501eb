import { useCallback, useEffect, useState } from 'react';
import type { NodeConfigList, NodeTestResult, Result, SaveNodeRequest, TestNodeRequest } from '../../../app/ipc/contract';
import type { GardeErrorData } from '../../../app/ipc/errors';
import { useAppServices } from '../../shell/AppContext';

/** The nodes of the configuration file, as Settings shows them. */
export type NodeConfigsState = { status: 'loading' } | { status: 'ready'; list: NodeConfigList } | { status: 'error'; error: GardeErrorData };

/** What Settings can do with the configured nodes; every change reloads the list and calls `onChanged`. */
export interface NodeConfigs {
  state: NodeConfigsState;
  reload(): Promise<void>;
  save(request: SaveNodeRequest): Promise<Result<unknown>>;
  remove(id: string): Promise<Result<unknown>>;
  test(request: TestNodeRequest): Promise<Result<NodeTestResult>>;
}

/** Loads and changes the configured nodes through the contract (no secret ever comes back). */
export function useNodeConfigs(onChanged: () => void): NodeConfigs {
  const { api } = useAppServices();
  const [state, setState] = useState<NodeConfigsState>({ status: 'loading' });

  const reload = useCallback(async () => {
    const result = await api.listNodeConfigs(undefined);
    setState(result.ok ? { status: 'ready', list: result.value } : { status: 'error', error: result.error });
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const afterChange = useCallback(
    async <T,>(result: Result<T>): Promise<Result<T>> => {
      if (result.ok) {
        await reload();
        onChanged();
      }
      return result;
    },
    [reload, onChanged],
  );

  const save = useCallback(async (request: SaveNodeRequest) => afterChange(await api.saveNode(request)), [api, afterChange]);
  const remove = useCallback(async (id: string) => afterChange(await api.removeNode({ id })), [api, afterChange]);
  const test = useCallback(
    async (request: TestNodeRequest) => {
      const result = await api.testNode(request);
      await reload();
      return result;
    },
    [api, reload],
  );
  return { state, reload, save, remove, test };
}
