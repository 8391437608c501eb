import { describe, expect, it, vi } from 'vitest';
import { installImageLoadFailureFilter, isImageLoadFailure, markImageLoadFailure } from '../../../renderer/viewer/imageLoadFailures';

/** A minimal unhandled-rejection event: its reason and whether the handler claimed it. */
function rejection(reason: unknown) {
  return { reason, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

describe('image load failures', () => {
  it('marks the errors loaders reject with, wrapping non-errors', () => {
    const error = new Error('decode refused');
    expect(markImageLoadFailure(error)).toBe(error);
    expect(isImageLoadFailure(error)).toBe(true);
    const wrapped = markImageLoadFailure('network down');
    expect(wrapped.message).toBe('network down');
    expect(isImageLoadFailure(wrapped)).toBe(true);
    expect(isImageLoadFailure(new Error('other'))).toBe(false);
    expect(isImageLoadFailure('decode refused')).toBe(false);
  });

  it('claims and logs only marked rejections, once installed', () => {
    const listeners: ((event: unknown) => void)[] = [];
    installImageLoadFailureFilter({ addEventListener: (_: string, l: unknown) => listeners.push(l as (event: unknown) => void) } as unknown as Window);
    expect(listeners).toHaveLength(1);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const marked = rejection(markImageLoadFailure(new Error('12-bit JPEG refused')));
    const other = rejection(new Error('a real bug'));
    listeners[0]!(marked);
    listeners[0]!(other);
    expect(marked.defaultPrevented).toBe(true);
    expect(other.defaultPrevented).toBe(false);
    expect(warn).toHaveBeenCalledWith('image not loaded:', '12-bit JPEG refused');
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
