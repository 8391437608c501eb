import { contextBridge, ipcRenderer } from 'electron';
import { METHODS, ipcChannel, type GardeApi, type Method } from '../../app/ipc/contract';

/**
 * Builds `window.garde` from the contract's method list: one function per method, each bound to
 * its own channel. Nothing else of ipcRenderer reaches the page.
 */
function buildApi(): GardeApi {
  const api: Partial<Record<Method, (request: unknown) => Promise<unknown>>> = {};
  for (const method of METHODS) {
    const channel = ipcChannel(method);
    api[method] = function callMain(request: unknown) {
      return ipcRenderer.invoke(channel, request);
    };
  }
  return Object.freeze(api) as GardeApi;
}

contextBridge.exposeInMainWorld('garde', buildApi());
