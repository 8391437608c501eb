import { useCallback, useRef } from 'react';

/**
 * Runs each task once the previous one has settled. A view created asynchronously on an element
 * must wait for the view before it (the same effect run again, as React's StrictMode does) to be
 * created and destroyed: Cornerstone3D's disabling of the old viewport would otherwise clear the
 * element of the new one.
 */
export function useTaskChain(): <T>(task: () => Promise<T>) => Promise<T> {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T,>(task: () => Promise<T>) => {
    const run = chain.current.then(task);
    chain.current = run.catch(() => undefined);
    return run;
  }, []);
}
