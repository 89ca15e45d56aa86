import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isPermissionAllowed, withContentSecurityPolicy } from './policy';

const RENDERER_META_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: shiftdesk-media:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('contentSecurityPolicy', () => {
  it('is the renderer meta policy', () => {
    expect(contentSecurityPolicy()).toBe(RENDERER_META_CSP);
  });

  it('needs nothing more for a dev server on localhost or 127.0.0.1 (the wildcards cover its HMR socket)', () => {
    expect(contentSecurityPolicy(new URL('http://localhost:5173'))).toBe(RENDERER_META_CSP);
    expect(contentSecurityPolicy(new URL('http://127.0.0.1:5173'))).toBe(RENDERER_META_CSP);
  });

  it('allows the HMR socket of a dev server on another loopback host', () => {
    expect(contentSecurityPolicy(new URL('http://[::1]:5173'))).toContain("connect-src 'self' ws://127.0.0.1:* ws://localhost:* ws://[::1]:5173;");
    expect(contentSecurityPolicy(new URL('https://localhost:5173'))).toContain('wss://localhost:5173');
  });

  it('never allows inline or eval scripts', () => {
    const scripts = contentSecurityPolicy(new URL('http://localhost:5173')).split('; ').find((d) => d.startsWith('script-src'));
    expect(scripts).toBe("script-src 'self'");
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any CSP header the server sent, whatever its case, and keeps the others', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'], 'CONTENT-SECURITY-POLICY': ['x'] },
      "default-src 'self'",
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });

  it('works without headers', () => {
    expect(withContentSecurityPolicy(undefined, 'p')).toEqual({ 'Content-Security-Policy': ['p'] });
  });
});

describe('isPermissionAllowed', () => {
  it('allows notifications only', () => {
    expect(isPermissionAllowed('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'unknown', '']) {
      expect(isPermissionAllowed(p), p).toBe(false);
    }
  });
});
