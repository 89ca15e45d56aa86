import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_URL_LENGTH, safeExternalUrl } from './externalLinks';

describe('safeExternalUrl', () => {
  it('passes http and https links, normalised', () => {
    expect(safeExternalUrl('https://x.com/AuroraAirHelp/status/1')).toBe('https://x.com/AuroraAirHelp/status/1');
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
    expect(safeExternalUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
    expect(safeExternalUrl('  https://example.com/  ')).toBe('https://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:someone@example.com',
    'ftp://example.com/file',
    'about:blank',
    'chrome://settings',
    '/relative/path',
    'example.com',
    'https://',
    '',
  ])('refuses %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses links with embedded credentials', () => {
    expect(safeExternalUrl('https://bank.example@evil.example/')).toBeNull();
    expect(safeExternalUrl('https://user:pass@example.com/')).toBeNull();
  });

  it('refuses values that are not strings and links that are too long', () => {
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl(42)).toBeNull();
    expect(safeExternalUrl({ href: 'https://example.com' })).toBeNull();
    expect(safeExternalUrl('https://example.com/' + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH))).toBeNull();
  });
});
