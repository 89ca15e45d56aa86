import { describe, expect, it } from 'vitest';
import { extractToken, takeToken } from './token';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('extractToken', () => {
  it('takes the token and keeps the rest of the address', () => {
    expect(extractToken('http://127.0.0.1:5183/?token=abc-_1&x=1#/queue/all')).toEqual({
      token: 'abc-_1',
      cleanUrl: '/?x=1#/queue/all',
    });
    expect(extractToken('http://127.0.0.1:5183/?token=abc')).toEqual({ token: 'abc', cleanUrl: '/' });
  });

  it('finds no token in an address without one', () => {
    expect(extractToken('http://127.0.0.1:5183/#/queue/mine')).toEqual({ token: null, cleanUrl: '/#/queue/mine' });
    expect(extractToken('http://127.0.0.1:5183/?token=')).toEqual({ token: null, cleanUrl: '/' });
  });
});

describe('takeToken', () => {
  it('stores a token from the address and cleans the address bar', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    expect(takeToken('http://127.0.0.1:1/?token=t1#/queue/all', storage, (u) => replaced.push(u))).toBe('t1');
    expect(replaced).toEqual(['/#/queue/all']);
    expect(storage.items.get('shiftdesk.token')).toBe('t1');
  });

  it('reuses the stored token after a reload, and prefers a new one from the address', () => {
    const storage = memoryStorage({ 'shiftdesk.token': 'old' });
    expect(takeToken('http://127.0.0.1:1/', storage, () => {})).toBe('old');
    expect(takeToken('http://127.0.0.1:1/?token=new', storage, () => {})).toBe('new');
    expect(takeToken('http://127.0.0.1:1/', storage, () => {})).toBe('new');
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeToken('http://127.0.0.1:1/', memoryStorage(), () => {})).toBeNull();
  });
});
