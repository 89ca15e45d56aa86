import { describe, expect, it } from 'vitest';
import { ImageCache } from './imageCache';

const image = (size: number) => ({ bytes: Buffer.alloc(size), contentType: 'image/png' as const });

describe('ImageCache', () => {
  it('drops the least recently used images once over its byte budget', () => {
    const cache = new ImageCache(100);
    cache.set('a', image(40));
    cache.set('b', image(40));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set('c', image(40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
  });

  it('counts a replaced image once and never keeps one larger than the budget', () => {
    const cache = new ImageCache(100);
    cache.set('a', image(40));
    cache.set('a', image(50));
    expect(cache.size).toEqual({ entries: 1, bytes: 50 });
    cache.set('huge', image(101));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size.bytes).toBe(50);
  });
});
