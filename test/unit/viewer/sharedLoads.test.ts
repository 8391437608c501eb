import { describe, expect, it } from 'vitest';
import { createSharedLoads } from '../../../renderer/viewer/sharedLoads';

/** A load whose settlement the test decides, counting how often it started and whether it was aborted. */
function controlled<T>() {
  const state = { starts: 0, aborted: false, resolve: (_: T) => undefined as void, reject: (_: unknown) => undefined as void };
  const load = (signal: AbortSignal) => {
    state.starts += 1;
    signal.addEventListener('abort', () => (state.aborted = true));
    return new Promise<T>((resolve, reject) => Object.assign(state, { resolve, reject }));
  };
  return { state, load };
}

describe('shared loads', () => {
  it('runs one load for every caller of a key, and keeps its value', async () => {
    const loads = createSharedLoads<string>(4);
    const { state, load } = controlled<string>();
    const a = loads.get('k', load);
    const b = loads.get('k', load, new AbortController().signal);
    state.resolve('metadata');
    expect(await a).toBe('metadata');
    expect(await b).toBe('metadata');
    expect(await loads.get('k', load)).toBe('metadata');
    expect(state.starts).toBe(1);
  });

  it('forgets a failed load, so the next call loads again', async () => {
    const loads = createSharedLoads<string>(4);
    const { state, load } = controlled<string>();
    const a = loads.get('k', load);
    state.reject(new Error('gateway down'));
    await expect(a).rejects.toThrow('gateway down');
    const b = loads.get('k', load);
    state.resolve('back');
    expect(await b).toBe('back');
    expect(state.starts).toBe(2);
  });

  it('forgets a value keep refuses', async () => {
    const loads = createSharedLoads<string[]>(4, (v) => v.length > 0);
    const { state, load } = controlled<string[]>();
    const a = loads.get('k', load);
    state.resolve([]);
    expect(await a).toEqual([]);
    const b = loads.get('k', load);
    state.resolve(['series']);
    expect(await b).toEqual(['series']);
    expect(state.starts).toBe(2);
  });

  it('stops one caller on its signal, and aborts the load only when no caller waits', async () => {
    const loads = createSharedLoads<string>(4);
    const { state, load } = controlled<string>();
    const first = new AbortController();
    const second = new AbortController();
    const a = loads.get('k', load, first.signal);
    const b = loads.get('k', load, second.signal);
    first.abort();
    await expect(a).rejects.toThrow(/aborted/);
    expect(state.aborted).toBe(false);
    second.abort();
    await expect(b).rejects.toThrow(/aborted/);
    expect(state.aborted).toBe(true);
    const c = loads.get('k', load);
    state.resolve('again');
    expect(await c).toBe('again');
    expect(state.starts).toBe(2);
  });

  it('keeps a load a caller without a signal waits for, whatever the others do', async () => {
    const loads = createSharedLoads<string>(4);
    const { state, load } = controlled<string>();
    const stopping = new AbortController();
    const a = loads.get('k', load);
    const b = loads.get('k', load, stopping.signal);
    stopping.abort();
    await expect(b).rejects.toThrow(/aborted/);
    state.resolve('kept');
    expect(await a).toBe('kept');
    expect(state.aborted).toBe(false);
  });

  it('keeps the keys used last, up to its limit', async () => {
    const loads = createSharedLoads<string>(2);
    let starts = 0;
    const load = (key: string) => () => (starts += 1, Promise.resolve(key));
    await loads.get('a', load('a'));
    await loads.get('b', load('b'));
    await loads.get('a', load('a'));
    await loads.get('c', load('c'));
    expect(starts).toBe(3);
    await loads.get('a', load('a'));
    expect(starts).toBe(3);
    await loads.get('b', load('b'));
    expect(starts).toBe(4);
  });
});
