import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHODS, ipcChannel, type Handlers } from '../../app/ipc/contract';
import { dispatch } from '../../app/ipc/dispatch';

/**
 * Registers one ipcMain handler per contract method. Calls from any frame other than the app's
 * own top-level document are refused.
 */
export function registerIpcHandlers(handlers: Handlers, isTrustedSender: (url: string) => boolean): void {
  for (const method of METHODS) {
    ipcMain.handle(ipcChannel(method), async function handleContractCall(event: IpcMainInvokeEvent, request: unknown) {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) {
        return { ok: false, error: { code: 'UNAUTHORIZED', message: `Refused IPC from ${url}`, retryable: false } };
      }
      return dispatch(handlers, method, request);
    });
  }
}
