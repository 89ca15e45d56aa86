import { describe, expect, it } from 'vitest';
import { checkExternalLink, MAX_EXTERNAL_URL_LENGTH, safeExternalUrl } from './externalLinkPolicy';

describe('checkExternalLink', () => {
  it.each([
    ['https://x.com/AuroraAirHelp/status/1', 'https://x.com/AuroraAirHelp/status/1'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/a%20b', 'https://example.com/a%20b'],
    ['https://example.com:443/', 'https://example.com/'],
    ['https://example.com:8443/path?q=1#frag', 'https://example.com:8443/path?q=1#frag'],
    ['https://example.com/caf\u00e9', 'https://example.com/caf%C3%A9'],
    ['http://[2001:db8::1]/', 'http://[2001:db8::1]/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['MAILTO:a@example.com,b@example.com?subject=Hi&body=Hello%20there&cc=c@example.com', 'mailto:a@example.com,b@example.com?subject=Hi&body=Hello%20there&cc=c@example.com'],
  ])('allows %s as %s', (raw, url) => {
    expect(checkExternalLink(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['javascript:alert(1)', 'scheme'],
    ['JaVaScRiPt:alert(1)', 'scheme'],
    ['java\tscript:alert(1)', 'hidden-characters'],
    ['javascript&#58;alert(1)', 'not-a-url'],
    ['file:///etc/passwd', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['vbscript:msgbox(1)', 'scheme'],
    ['smb://server/share', 'scheme'],
    ['ms-msdt:/id PCWDiagnostic', 'hidden-characters'],
    ['ms-msdt:/id%20PCWDiagnostic', 'scheme'],
    ['search-ms:query=x&crumb=location:\\\\evil\\share', 'backslash'],
    ['search-ms:query=x', 'scheme'],
    ['ftp://example.com/file', 'scheme'],
    ['about:blank', 'scheme'],
    ['chrome://settings', 'scheme'],
    ['/relative/path', 'not-a-url'],
    ['//evil.example/', 'not-a-url'],
    ['example.com', 'not-a-url'],
    ['https://', 'not-a-url'],
    ['https:example.com', 'malformed-authority'],
    ['https:/example.com', 'malformed-authority'],
    ['https:///example.com', 'malformed-authority'],
    ['  https://example.com/  ', 'hidden-characters'],
    ['https://example.com/\n', 'hidden-characters'],
    ['https://exa\u200bmple.com/', 'hidden-characters'],
    ['https://example.com/\u202egnp.exe', 'hidden-characters'],
    ['https:\\\\evil.example\\', 'backslash'],
    ['https://user:pass@example.com/', 'credentials'],
    ['https://bank.example@evil.example/', 'credentials'],
    ['https://@example.com/', 'credentials'],
    ['https://ex%61mple.com/', 'host-rewritten'],
    ['http://0x7f.1/', 'host-rewritten'],
    ['http://2130706433/', 'host-rewritten'],
    ['https://\u0430pple.com/', 'international-host'],
    ['https://xn--pple-43d.com/', 'international-host'],
    ['https://example.com:/', 'host-rewritten'],
    ['mailto:a@example.com?attach=/etc/passwd', 'mailto-field'],
    ['', 'empty'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(checkExternalLink(raw)).toEqual({ ok: false, reason });
  });

  it('refuses values that are not strings and links that are too long', () => {
    expect(checkExternalLink(undefined)).toEqual({ ok: false, reason: 'not-a-string' });
    expect(checkExternalLink({ href: 'https://example.com' })).toEqual({ ok: false, reason: 'not-a-string' });
    expect(checkExternalLink('https://example.com/' + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH))).toEqual({ ok: false, reason: 'too-long' });
  });

  it('safeExternalUrl answers the URL or null', () => {
    expect(safeExternalUrl('https://example.com')).toBe('https://example.com/');
    expect(safeExternalUrl(42)).toBeNull();
  });
});
