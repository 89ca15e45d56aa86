import { describe, expect, it } from 'vitest';
import { isPublicAddress, publicAddressesOnly, publicAnd } from './addressPolicy';
import { checkImageUrl, fetchImage } from './fetchImage';
import { ImageRefusedError } from './imageRefused';

// Every address the default policy must refuse, by family of reason.
const REFUSED_ADDRESSES: readonly [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'this network'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.0.1', 'private'],
  ['192.168.255.255', 'private'],
  ['100.64.0.1', 'CGNAT'],
  ['100.127.255.255', 'CGNAT'],
  ['169.254.0.1', 'link-local'],
  ['169.254.169.254', 'cloud metadata (link-local)'],
  ['192.0.0.8', 'IETF protocol assignments'],
  ['192.0.2.1', 'documentation'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['192.88.99.1', '6to4 relay'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast (SSDP)'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['::', 'IPv6 unspecified'],
  ['::1', 'IPv6 loopback'],
  ['0:0:0:0:0:0:0:1', 'IPv6 loopback, long form'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
  ['0:0:0:0:0:ffff:a00:1', 'IPv4-mapped private, long form'],
  ['::ffff:8.8.8.8', 'IPv4-mapped (even public: refused as a form)'],
  ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
  ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
  ['64:ff9b::808:808', 'NAT64 of 8.8.8.8'],
  ['fc00::1', 'unique local'],
  ['fd12:3456:789a::1', 'unique local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local with a zone'],
  ['febf::1', 'link-local'],
  ['fec0::1', 'site-local (deprecated)'],
  ['ff02::1', 'multicast'],
  ['ff05::2', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation'],
  ['2002:7f00:1::1', '6to4 of 127.0.0.1'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
  ['100::1', 'discard-only'],
  // Not literal addresses at all: the policy sees only what was connected, never a name.
  ['localhost', 'a host name'],
  ['2130706433', 'decimal IPv4 (not a literal address)'],
  ['0x7f.1', 'hex IPv4 (not a literal address)'],
  ['017700000001', 'octal IPv4 (not a literal address)'],
  ['127.1', 'short IPv4 (not a literal address)'],
  ['', 'empty'],
];

const PUBLIC_ADDRESSES: readonly string[] = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '169.253.255.255',
  '192.167.255.255',
  '223.255.255.254',
  '2606:4700:4700::1111',
  '2a00:1450:4001:80b::200e',
  '2001:4860:4860::8888',
  '2620:fe::fe',
];

describe('the default address policy', () => {
  it.each(REFUSED_ADDRESSES)('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(publicAddressesOnly({ address, port: 443 })).toBe(false);
  });

  it.each(PUBLIC_ADDRESSES)('allows the public address %s', (address) => {
    expect(publicAddressesOnly({ address, port: 443 })).toBe(true);
  });

  it('is widened for tests by exact address and port only', () => {
    const policy = publicAnd([{ address: '127.0.0.1', port: 8080 }]);
    expect(policy({ address: '127.0.0.1', port: 8080 })).toBe(true);
    expect(policy({ address: '127.0.0.1', port: 8081 })).toBe(false);
    expect(policy({ address: '::1', port: 8080 })).toBe(false);
    expect(policy({ address: '8.8.8.8', port: 53 })).toBe(true);
  });
});

// URLs whose host the URL parser turns into a private or loopback literal: refused before any
// connection (a literal address is never looked up, so the proxy checks it itself).
const REFUSED_URLS: readonly string[] = [
  'http://127.0.0.1/a.png',
  'http://2130706433/a.png',
  'http://0x7f.1/a.png',
  'http://0x7f000001/a.png',
  'http://017700000001/a.png',
  'http://0177.0.0.1/a.png',
  'http://127.1/a.png',
  'http://[::1]/a.png',
  'http://[::ffff:127.0.0.1]/a.png',
  'http://[0:0:0:0:0:ffff:7f00:1]/a.png',
  'http://[fe80::1]/a.png',
  'http://[fd00::1]:8080/a.png',
  'https://169.254.169.254/latest/meta-data/',
  'http://10.0.0.1:80/a.png',
  'http://0.0.0.0/a.png',
  'http://0/a.png',
  'https://192.168.1.1/a.png',
  'http://100.100.100.200/a.png',
];

describe('image URLs', () => {
  it.each(REFUSED_URLS)('refuses %s by its address, without connecting', async (url) => {
    const refusal = await fetchImage(url, { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ImageRefusedError);
    expect((refusal as ImageRefusedError).reason).toBe('address');
  });

  it.each([
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['data:image/png;base64,iVBORw0KGgo=', 'scheme'],
    ['ftp://example.com/a.png', 'scheme'],
    ['blob:https://example.com/1', 'scheme'],
    ['https://user:secret@example.com/a.png', 'credentials'],
    ['https://user@example.com/a.png', 'credentials'],
    ['not a url', 'invalid-url'],
    ['/relative.png', 'invalid-url'],
    [`https://example.com/${'a'.repeat(5000)}`, 'invalid-url'],
  ] as const)('refuses %s (%s)', (url, reason) => {
    expect(() => checkImageUrl(url)).toThrow(ImageRefusedError);
    try {
      checkImageUrl(url);
    } catch (error) {
      expect((error as ImageRefusedError).reason).toBe(reason);
    }
  });

  it('refuses a redirect from https down to http', () => {
    expect(() => checkImageUrl('http://example.com/a.png', new URL('https://example.com/b'))).toThrow(/https to http/);
  });
});
