// The app:// protocol against a real renderer folder on disk, with symbolic links inside and out.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeRendererFolder } from '../../../test/support/rendererFolder';
import { silentLogger } from '../core/adapters/logger';
import { APP_SCHEME_PRIVILEGES, registerAppScheme, resolveAppRequest, respondToAppRequest, serveAppProtocol } from './appProtocol';
import { contentSecurityPolicy } from './policy';

const CSP = contentSecurityPolicy();
let folder: ReturnType<typeof makeRendererFolder>;
beforeAll(() => {
  folder = makeRendererFolder();
});
afterAll(() => rmSync(folder.base, { recursive: true, force: true }));

describe('resolveAppRequest', () => {
  it.each([
    ['app://shiftdesk/', 'index.html', 'text/html; charset=utf-8'],
    ['app://shiftdesk/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://shiftdesk/index.html#/queue/all', 'index.html', 'text/html; charset=utf-8'],
    ['app://shiftdesk/assets/index-abc.js?v=1', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://shiftdesk/assets/index-abc.css', 'assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://shiftdesk/assets/inter.woff2', 'assets/inter.woff2', 'font/woff2'],
    ['app://shiftdesk/assets/data.bin', 'assets/data.bin', 'application/octet-stream'],
    ['app://shiftdesk/%61ssets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    // A link inside the folder to a file inside it is served as the file it points to.
    ['app://shiftdesk/assets/alias.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
  ])('serves %s', async (url, file, type) => {
    expect(await resolveAppRequest(url, folder.root)).toEqual({ ok: true, filePath: join(folder.realRoot, file), contentType: type });
  });

  it.each([
    ['app://evil/index.html', 403],
    ['app://shiftdesk.evil/index.html', 403],
    ['app://shiftdesk:80/index.html', 403],
    ['app://user@shiftdesk/index.html', 403],
    ['app://shiftdesk', 403],
    ['file:///etc/passwd', 403],
    ['https://shiftdesk/index.html', 403],
    ['app://shiftdesk/../secret.txt', 403],
    ['app://shiftdesk/assets/../../secret.txt', 403],
    ['app://shiftdesk/./index.html', 403],
    ['app://shiftdesk/%2e%2e/secret.txt', 403],
    ['app://shiftdesk/%2E%2E/secret.txt', 403],
    ['app://shiftdesk/.%2e/secret.txt', 403],
    ['app://shiftdesk/assets/..%2f..%2fsecret.txt', 403],
    ['app://shiftdesk/assets%2findex-abc.js', 403],
    ['app://shiftdesk/..%5csecret.txt', 403],
    ['app://shiftdesk/..\\secret.txt', 403],
    ['app://shiftdesk/assets\\index-abc.js', 403],
    ['app://shiftdesk/%252e%252e/secret.txt', 403],
    ['app://shiftdesk/%25252e%25252e/secret.txt', 403],
    ['app://shiftdesk//etc/passwd', 403],
    ['app://shiftdesk/C:/Windows/win.ini', 403],
    ['app://shiftdesk/index.html%00.js', 403],
    ['app://shiftdesk/index.html\u0000', 403],
    ['app://shiftdesk/assets/escape/secret.txt', 403],
    ['app://shiftdesk/escape.txt', 403],
    ['app://shiftdesk/assets/relative-escape.txt', 403],
    ['app://shiftdesk/passwd', 403],
    ['app://shiftdesk/assets/sibling.html', 403],
    ['app://shiftdesk/assets', 403],
    ['app://shiftdesk/assets/', 403],
    ['app://shiftdesk/assets/empty', 403],
    ['app://shiftdesk/%c0%ae%c0%ae/secret.txt', 400],
    ['app://shiftdesk/%', 400],
    ['app://shiftdesk/nope.js', 404],
    ['app://shiftdesk/renderer-evil/index.html', 404],
  ])('refuses %s with %i', async (url, status) => {
    const file = await resolveAppRequest(url, folder.root);
    expect(file).toMatchObject({ ok: false, status });
  });

  it('refuses everything when the renderer folder is missing', async () => {
    expect(await resolveAppRequest('app://shiftdesk/', join(folder.base, 'missing'))).toMatchObject({ ok: false, status: 404 });
  });
});

describe('respondToAppRequest', () => {
  const respond = (url: string, method = 'GET', onRefused = vi.fn()) =>
    respondToAppRequest(new Request(url, { method }), { rootDir: folder.root, contentSecurityPolicy: CSP, onRefused });

  it('answers a file with its type, its length and the strict CSP', async () => {
    const response = await respond('app://shiftdesk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Shiftdesk</title>');
    const head = await respond('app://shiftdesk/assets/index-abc.js', 'HEAD');
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '14', '']);
  });

  it('refuses with a status, no body, the CSP, and tells why', async () => {
    const onRefused = vi.fn();
    const response = await respond('app://shiftdesk/..%2fsecret.txt', 'GET', onRefused);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(onRefused).toHaveBeenCalledWith('app://shiftdesk/..%2fsecret.txt', 403, 'encoded separator or NUL');
    expect((await respond('app://shiftdesk/nope.js')).status).toBe(404);
    const post = await respond('app://shiftdesk/index.html', 'POST');
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});

describe('the scheme and its handler', () => {
  it('registers app: as standard, secure and fetch-able, with no CSP bypass and no CORS', () => {
    let registered: CustomScheme[] = [];
    const media: CustomScheme = { scheme: 'shiftdesk-media', privileges: { standard: true, secure: true } };
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void (registered = schemes) }, [media]);
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }, media]);
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
  });

  it('handles app: on the session, logging refusals', async () => {
    let handler: ((request: Request) => Response | Promise<Response>) | null = null;
    const protocol = { handle: vi.fn((_scheme: string, h: typeof handler) => void (handler = h)) };
    const warn = vi.fn();
    serveAppProtocol(protocol as unknown as Pick<Protocol, 'handle'>, folder.root, CSP, { ...silentLogger, warn });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect((await handler!(new Request('app://shiftdesk/'))).status).toBe(200);
    expect((await handler!(new Request('app://shiftdesk/escape.txt'))).status).toBe(403);
    expect(warn).toHaveBeenCalledWith('refused an app:// request', { url: 'app://shiftdesk/escape.txt', status: 403, reason: 'outside the renderer folder' });
  });
});
