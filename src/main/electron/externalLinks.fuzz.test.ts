// Fuzz test of the link policy as the app applies it: hostile URLs given to openExternalLink and
// to the window.open handler must never reach shell.openExternal (mocked: the Electron binary
// cannot run here). Prints how many were tried.
import fc from 'fast-check';
import type { HandlerDetails, WebContents } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/adapters/logger';
import { checkExternalLink } from '@shared/externalLinkPolicy';

const openExternal = vi.hoisted(() => vi.fn(async (_url: string) => undefined));
vi.mock('electron', () => ({ shell: { openExternal } }));
const { guardAppWebContents, openExternalLink } = await import('./hardening');

const HOSTILE_RUNS = 12_000;
const ALLOWED_RUNS = 2_000;

const DANGEROUS_SCHEMES = [
  'file', 'smb', 'ms-msdt', 'search-ms', 'search', 'javascript', 'data', 'vbscript', 'about', 'chrome',
  'chrome-extension', 'devtools', 'view-source', 'blob', 'filesystem', 'jar', 'ms-settings', 'ms-officecmd',
  'ms-word', 'ms-excel', 'ms-cxh', 'ms-appinstaller', 'zoommtg', 'steam', 'intent', 'ftp', 'ws', 'wss',
  'gopher', 'ldap', 'telnet', 'ssh', 'sftp', 'nfs', 'afp', 'dav', 'webcal', 'callto', 'tel', 'sms', 'slack',
  'vscode', 'x-apple-data-detectors', 'itms-services', 'shell', 'res', 'mk', 'its', 'hcp',
];
const PAYLOADS = [
  'alert(1)', '//evil.example/%0aalert(1)', '///etc/passwd', '//server/share/run.exe', '/id PCWDiagnostic /skip force',
  'query=invoice&crumb=location:\\\\evil.example\\share', 'text/html,<script>alert(1)</script>',
  'text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'msgbox(1)', 'blank', '//settings', 'x', '',
];
const SPACES = [' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const BIDI = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const INVISIBLE = ['\u00ad', '\u180e', '\u200b', '\u200c', '\u200d', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufff9', '\udb40\udc41', '\ud800', '\udfff', '\ue000'];
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i))];
// Letters that look like ASCII ones: Cyrillic, Greek, Armenian, fullwidth, dotless i, Latin small capitals.
const LOOK_ALIKES = ['\u0430', '\u0435', '\u043e', '\u0440', '\u0441', '\u0445', '\u0443', '\u0456', '\u0458', '\u04bb', '\u03bf', '\u03b1', '\u03bd', '\u0585', '\u0578', '\uff41', '\uff45', '\uff4f', '\u0131', '\u1d0f', '\u0261', '\u217c'];
const BRANDS = ['apple.com', 'paypal.com', 'google.com', 'microsoft.com', 'x.com', 'facebook.com', 'instagram.com', 'bsky.app', 'mastodon.social', 'bank.example'];

const randomCase = (s: string) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
const insertAt = (s: string, insert: fc.Arbitrary<string>) =>
  fc.tuple(fc.nat({ max: s.length }), insert).map(([i, x]) => s.slice(0, i) + x + s.slice(i));
const insertAnywhere = (base: fc.Arbitrary<string>, insert: fc.Arbitrary<string>) => base.chain((s) => insertAt(s, insert));
const entity = (c: string) => fc.constantFrom(`&#${c.charCodeAt(0)};`, `&#x${c.charCodeAt(0).toString(16)};`, `&#0${c.charCodeAt(0)}`, '&colon;', `%${c.charCodeAt(0).toString(16)}`);

/** Addresses a mailto: link can carry without escaping. */
const plainAddress = fc.emailAddress().filter((a) => !/[?#%&,/]/.test(a));
const goodWebUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });
const scheme = fc.oneof(
  fc.constantFrom(...DANGEROUS_SCHEMES).chain(randomCase),
  fc.stringMatching(/^[a-z][a-z0-9+.-]{0,15}$/).filter((s) => !['http', 'https', 'mailto'].includes(s)),
);
const payload = fc.oneof(fc.constantFrom(...PAYLOADS), fc.webPath(), fc.string({ maxLength: 40 }));

const hostile = {
  'other schemes': fc.tuple(scheme, payload).map(([s, p]) => `${s}:${p}`),
  'javascript: with case, whitespace and entity tricks': fc.oneof(
    fc.tuple(randomCase('javascript'), payload).map(([s, p]) => `${s}:${p}`),
    insertAnywhere(randomCase('javascript:alert(1)'), fc.constantFrom(...SPACES, ...CONTROLS)),
    fc.tuple(randomCase('javascript'), entity(':')).map(([s, e]) => `${s}${e}alert(1)`),
    fc.tuple(entity('j'), randomCase('avascript:alert(1)')).map(([e, rest]) => e + rest),
    fc.tuple(fc.constantFrom(...SPACES, ...CONTROLS), randomCase('javascript:alert(document.cookie)')).map(([w, s]) => w + s),
  ),
  'control characters': insertAnywhere(goodWebUrl, fc.constantFrom(...CONTROLS)),
  'bidi controls': insertAnywhere(goodWebUrl, fc.constantFrom(...BIDI)),
  'zero-width, surrogate and private-use characters': insertAnywhere(goodWebUrl, fc.constantFrom(...INVISIBLE)),
  'leading or trailing spaces': fc.tuple(goodWebUrl, fc.constantFrom(...SPACES), fc.boolean()).map(([u, w, lead]) => (lead ? w + u : u + w)),
  userinfo: fc.oneof(
    fc.tuple(fc.constantFrom('http', 'https', 'HTTPS'), fc.webSegment(), fc.webSegment(), fc.domain()).map(([s, user, pass, host]) => `${s}://${user}:${pass}@${host}/`),
    fc.tuple(fc.constantFrom(...BRANDS), fc.domain(), fc.webPath()).map(([brand, host, path]) => `https://${brand}@${host}${path}`),
    fc.domain().map((host) => `https://@${host}/`),
  ),
  'IDN and punycode look-alikes': fc.oneof(
    fc.tuple(fc.constantFrom(...BRANDS), fc.constantFrom(...LOOK_ALIKES), fc.webPath()).chain(([brand, glyph, path]) =>
      fc.nat({ max: brand.indexOf('.') - 1 }).map((i) => `https://${brand.slice(0, i)}${glyph}${brand.slice(i + 1)}${path}`),
    ),
    fc.tuple(fc.constantFrom(...BRANDS), fc.constantFrom(...LOOK_ALIKES)).map(([brand, glyph]) => new URL(`https://${glyph}${brand}/`).href)
      // Fullwidth and compatibility letters map to ASCII ones; only real punycode is a look-alike here.
      .filter((href) => href.includes('xn--')),
  ),
  'protocol-relative': fc.tuple(fc.constantFrom('//', '\\\\', '/\\', '\\/', '///'), fc.domain(), fc.webPath()).map(([p, h, path]) => `${p}${h}${path}`),
  backslashes: fc.oneof(
    fc.tuple(fc.domain(), fc.domain()).map(([a, b]) => `https://${a}\\@${b}/`),
    fc.tuple(fc.domain(), fc.domain()).map(([a, b]) => `https://${a}\\.${b}/`),
    fc.domain().map((h) => `https:\\\\${h}\\`),
    insertAnywhere(goodWebUrl, fc.constant('\\')),
  ),
  'rewritten hosts and malformed authorities': fc.oneof(
    fc.tuple(fc.constantFrom('0x7f.1', '2130706433', '0177.0.0.1', '127.1', '%31%32%37.0.0.1', 'ex%61mple.com', '[0:0::1]'), fc.webPath()).map(([h, p]) => `http://${h}${p}`),
    fc.tuple(fc.constantFrom('https:', 'https:/', 'https:///', 'http:////'), fc.domain()).map(([s, h]) => `${s}${h}/`),
  ),
  'mailto with attachments': fc.tuple(plainAddress, fc.constantFrom('attach', 'attachment', 'ATTACH', 'file')).map(([a, f]) => `mailto:${a}?${f}=/etc/passwd`),
};

const tried = new Map<string, number>();
let reached = 0;
const logger = { ...silentLogger, warn: vi.fn() };

beforeEach(() => openExternal.mockClear());

afterAll(() => {
  const total = [...tried.values()].reduce((a, b) => a + b, 0);
  console.log(`hostile URLs tried: ${total}, reached openExternal: ${reached}\n${[...tried].map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
});

describe('openExternalLink under fuzzing', () => {
  it(`lets none of ${HOSTILE_RUNS} hostile URLs reach shell.openExternal`, () => {
    const categories = Object.entries(hostile).map(([name, arb]) => arb.map((url) => [name, url] as const));
    fc.assert(
      fc.property(fc.oneof(...categories), ([name, url]) => {
        tried.set(name, (tried.get(name) ?? 0) + 1);
        expect(checkExternalLink(url).ok, url).toBe(false);
        const opened = openExternalLink(url, logger);
        reached += openExternal.mock.calls.length;
        expect(opened, url).toBe(false);
        expect(openExternal).not.toHaveBeenCalled();
      }),
      { numRuns: HOSTILE_RUNS },
    );
    expect([...tried.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
    expect(tried.size).toBe(Object.keys(hostile).length);
  });

  it('sends none of them through the window.open handler either', () => {
    let onWindowOpen: ((details: HandlerDetails) => unknown) | null = null;
    const contents = { setWindowOpenHandler: (h: typeof onWindowOpen) => (onWindowOpen = h), on: vi.fn() } as unknown as WebContents;
    guardAppWebContents(contents, { kind: 'dev-server', url: new URL('http://localhost:5173') }, logger);
    fc.assert(
      fc.property(fc.oneof(...Object.values(hostile)), (url) => {
        expect(onWindowOpen!({ url } as HandlerDetails)).toEqual({ action: 'deny' });
      }),
      { numRuns: 2_000 },
    );
    expect(openExternal).not.toHaveBeenCalled();
  });

  it(`opens ${ALLOWED_RUNS} ordinary http(s) and mailto links, normalised`, () => {
    const allowed = fc.oneof(
      goodWebUrl,
      fc.tuple(plainAddress, fc.webSegment()).map(([a, s]) => `mailto:${a}?subject=${encodeURIComponent(s)}`),
    );
    fc.assert(
      fc.property(allowed, (url) => {
        openExternal.mockClear();
        expect(openExternalLink(url, logger), url).toBe(true);
        expect(openExternal).toHaveBeenCalledWith(new URL(url).href);
      }),
      { numRuns: ALLOWED_RUNS },
    );
  });
});
