import { describe, expect, it } from 'vitest';
import { getHeapStatistics } from 'node:v8';
import { collectGarbage } from '../../src/io/heap.ts';

describe('collectGarbage', () => {
  it('collects when more than the threshold is in use, and not below it', () => {
    expect(collectGarbage(Number.MAX_SAFE_INTEGER)).toBe(false);
    // about 80 MB of arrays, live until just before the call: only the call can take them back
    let garbage: number[][] | undefined = Array.from({ length: 80 }, () => Array.from({ length: 131_072 }, (_, i) => i + 0.5));
    const before = getHeapStatistics().used_heap_size;
    expect(garbage.length).toBe(80);
    garbage = undefined;
    expect(collectGarbage(0)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 60 * 1024 * 1024);
  });
});
