import { watch, type FSWatcher } from 'node:fs';

/** A running watch; {@link close} stops it. */
export interface FolderWatch {
  close(): void;
}

/**
 * Calls `onChange` after changes under `path` settle: fs.watch (recursive) events are
 * debounced by `debounceMs`. When the platform refuses a watch (no recursive support,
 * inotify limits), falls back to calling `onChange` every `pollMs`.
 */
export function watchFolder(path: string, onChange: () => void, options: { debounceMs?: number; pollMs?: number; log?: (message: string) => void } = {}): FolderWatch {
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, debounceMs);
  };
  const fallBack = (reason: string): void => {
    watcher?.close();
    watcher = undefined;
    if (poll) return;
    options.log?.(`watching ${path} failed (${reason}); polling every ${options.pollMs ?? 5000} ms`);
    poll = setInterval(onChange, options.pollMs ?? 5000);
    poll.unref();
  };
  try {
    watcher = watch(path, { recursive: true, persistent: false }, schedule);
    watcher.on('error', (error) => fallBack(error.message));
  } catch (error) {
    fallBack(error instanceof Error ? error.message : String(error));
  }
  return {
    close() {
      watcher?.close();
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
    },
  };
}
