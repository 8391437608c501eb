import { describe, expect, it } from 'vitest';
import { isSeriesMetadataComplete } from '../../../app/sync';

describe('isSeriesMetadataComplete', () => {
  it('needs an instance, none unreadable, and the known count', () => {
    expect(isSeriesMetadataComplete({ instances: 0, unreadable: 0 }, undefined)).toBe(false);
    expect(isSeriesMetadataComplete({ instances: 3, unreadable: 0 }, undefined)).toBe(true);
    expect(isSeriesMetadataComplete({ instances: 3, unreadable: 1 }, undefined)).toBe(false);
    expect(isSeriesMetadataComplete({ instances: 3, unreadable: 0 }, 4)).toBe(false);
    expect(isSeriesMetadataComplete({ instances: 4, unreadable: 0 }, 4)).toBe(true);
    expect(isSeriesMetadataComplete({ instances: 5, unreadable: 0 }, 4)).toBe(true);
  });
});
