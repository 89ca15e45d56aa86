import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl, resolveAppLocation } from './appLocation';

const rendererDir = '/opt/Shiftdesk/resources/app.asar/out/renderer';

describe('resolveAppLocation', () => {
  it('serves the built renderer as app://shiftdesk/index.html when packaged, even with a dev server URL in the environment', () => {
    const location = resolveAppLocation({ devServerUrl: 'http://localhost:5173', isPackaged: true, rendererDir });
    expect(location).toEqual({ kind: 'bundle', url: new URL('app://shiftdesk/index.html'), rendererDir });
    expect(location.url.href).toBe(APP_INDEX_URL);
  });

  it('uses the dev server in an unpackaged run', () => {
    const location = resolveAppLocation({ devServerUrl: 'http://localhost:5173/', isPackaged: false, rendererDir });
    expect(location).toMatchObject({ kind: 'dev-server' });
    expect(location.url.origin).toBe('http://localhost:5173');
  });

  it('refuses a dev server that is not on this machine or not http(s)', () => {
    expect(() => resolveAppLocation({ devServerUrl: 'http://evil.example:5173', isPackaged: false, rendererDir })).toThrow(/localhost/);
    expect(() => resolveAppLocation({ devServerUrl: 'file:///tmp/x.html', isPackaged: false, rendererDir })).toThrow();
    expect(() => resolveAppLocation({ devServerUrl: 'not a url', isPackaged: false, rendererDir })).toThrow(/not a URL/);
  });

  it('falls back to the bundle when no dev server is set', () => {
    expect(resolveAppLocation({ devServerUrl: '', isPackaged: false, rendererDir }).kind).toBe('bundle');
    expect(resolveAppLocation({ devServerUrl: undefined, isPackaged: false, rendererDir }).kind).toBe('bundle');
  });
});

describe('isAppUrl', () => {
  const bundle = resolveAppLocation({ devServerUrl: undefined, isPackaged: true, rendererDir: '/home/a b/app/out/renderer' });
  const dev = resolveAppLocation({ devServerUrl: 'http://localhost:5173', isPackaged: false, rendererDir });

  it('accepts exactly app://shiftdesk/index.html, with any hash or query', () => {
    expect(isAppUrl(bundle, 'app://shiftdesk/index.html')).toBe(true);
    expect(isAppUrl(bundle, 'app://shiftdesk/index.html#/queue/all/conversation/4')).toBe(true);
    expect(isAppUrl(bundle, 'app://shiftdesk/index.html?x=1')).toBe(true);
  });

  it.each([
    'app://shiftdesk/other.html',
    'app://shiftdesk/',
    'app://shiftdesk/index.html/',
    'app://shiftdesk/index.htmlx',
    'app://shiftdesk/%69ndex.html',
    'app://shiftdesk/assets/../index.html',
    'app://shiftdesk:80/index.html',
    'app://user@shiftdesk/index.html',
    'app://shiftdesk.evil.example/index.html',
    'app://evil/index.html',
    'APP://SHIFTDESK/index.html',
    'file:///home/a%20b/app/out/renderer/index.html',
    'file:///etc/passwd',
    'https://shiftdesk/index.html',
    'about:blank',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(bundle, url)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl(dev, 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5173/index.html#/queue/mine')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, 'http://127.0.0.1:5173/')).toBe(false);
    expect(isAppUrl(dev, 'https://localhost:5173/')).toBe(false);
    expect(isAppUrl(dev, 'http://localhost:5173.evil.example/')).toBe(false);
    expect(isAppUrl(dev, 'app://shiftdesk/index.html')).toBe(false);
  });
});
