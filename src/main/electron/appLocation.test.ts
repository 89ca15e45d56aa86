import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { isAppUrl, resolveAppLocation } from './appLocation';

const indexPath = '/opt/Shiftdesk/resources/app.asar/out/renderer/index.html';

describe('resolveAppLocation', () => {
  it('uses the built index.html when packaged, even with a dev server URL in the environment', () => {
    const location = resolveAppLocation({ devServerUrl: 'http://localhost:5173', isPackaged: true, indexPath });
    expect(location.kind).toBe('file');
    expect(location.url.href).toBe(pathToFileURL(indexPath).href);
  });

  it('uses the dev server in an unpackaged run', () => {
    const location = resolveAppLocation({ devServerUrl: 'http://localhost:5173/', isPackaged: false, indexPath });
    expect(location).toMatchObject({ kind: 'dev-server' });
    expect(location.url.origin).toBe('http://localhost:5173');
  });

  it('refuses a dev server that is not on this machine or not http(s)', () => {
    expect(() => resolveAppLocation({ devServerUrl: 'http://evil.example:5173', isPackaged: false, indexPath })).toThrow(/localhost/);
    expect(() => resolveAppLocation({ devServerUrl: 'file:///tmp/x.html', isPackaged: false, indexPath })).toThrow();
    expect(() => resolveAppLocation({ devServerUrl: 'not a url', isPackaged: false, indexPath })).toThrow(/not a URL/);
  });

  it('falls back to the file when no dev server is set', () => {
    expect(resolveAppLocation({ devServerUrl: '', isPackaged: false, indexPath }).kind).toBe('file');
    expect(resolveAppLocation({ devServerUrl: undefined, isPackaged: false, indexPath }).kind).toBe('file');
  });
});

describe('isAppUrl', () => {
  const file = resolveAppLocation({ devServerUrl: undefined, isPackaged: true, indexPath: '/home/a b/app/out/renderer/index.html' });
  const dev = resolveAppLocation({ devServerUrl: 'http://localhost:5173', isPackaged: false, indexPath });

  it('accepts exactly the built index.html, with any hash or query', () => {
    expect(isAppUrl(file, 'file:///home/a%20b/app/out/renderer/index.html')).toBe(true);
    expect(isAppUrl(file, 'file:///home/a%20b/app/out/renderer/index.html#/queue/all/conversation/4')).toBe(true);
    expect(isAppUrl(file, 'file:///home/a%20b/app/out/renderer/index.html?x=1')).toBe(true);
  });

  it('refuses other files, other schemes and garbage', () => {
    expect(isAppUrl(file, 'file:///home/a%20b/app/out/renderer/other.html')).toBe(false);
    expect(isAppUrl(file, 'file:///etc/passwd')).toBe(false);
    expect(isAppUrl(file, 'file://server/home/a%20b/app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl(file, 'https://example.com/home/a%20b/app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl(file, 'about:blank')).toBe(false);
    expect(isAppUrl(file, '')).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl(dev, 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5173/index.html#/queue/mine')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, 'http://127.0.0.1:5173/')).toBe(false);
    expect(isAppUrl(dev, 'https://localhost:5173/')).toBe(false);
    expect(isAppUrl(dev, 'http://localhost:5173.evil.example/')).toBe(false);
  });
});
