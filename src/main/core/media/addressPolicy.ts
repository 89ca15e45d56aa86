// Which network addresses the image proxy may connect to. By default only public unicast ones:
// a customer's avatar URL must never reach this machine, the agent's network or cloud metadata.
import { BlockList, isIP } from 'node:net';

/** Where a connection is about to go: an address as connected (never a host name), and its port. */
export interface AddressTarget {
  address: string;
  port: number;
}

/** True when the proxy may connect there. Injectable so tests can serve images on 127.0.0.1. */
export type AddressPolicy = (target: AddressTarget) => boolean;

// IANA's IPv4 special-purpose registry, everything that is not ordinary public unicast.
const NON_PUBLIC_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

// IPv6: only global unicast (2000::/3) is public, minus the blocks in it that tunnel or embed
// other addresses (Teredo, 6to4) or are reserved. Everything outside 2000::/3 is refused,
// which covers ::, ::1, IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, ULA fc00::/7,
// link-local fe80::/10, site-local fec0::/10 and multicast ff00::/8.
const NON_PUBLIC_V6_IN_GLOBAL: readonly [string, number][] = [
  ['2001::', 23], // IETF protocol assignments, including Teredo 2001::/32 and ORCHID
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['3fff::', 20], // documentation
];

const nonPublicV4 = new BlockList();
for (const [net, prefix] of NON_PUBLIC_V4) nonPublicV4.addSubnet(net, prefix, 'ipv4');
const globalV6 = new BlockList();
globalV6.addSubnet('2000::', 3, 'ipv6');
const nonPublicV6 = new BlockList();
for (const [net, prefix] of NON_PUBLIC_V6_IN_GLOBAL) nonPublicV6.addSubnet(net, prefix, 'ipv6');

/** True only for a literal public unicast IPv4 or IPv6 address (host names, zones and odd forms are not). */
export function isPublicAddress(address: string): boolean {
  if (address.includes('%')) return false; // a zone index: link-scoped by definition
  const family = isIP(address);
  if (family === 4) return !nonPublicV4.check(address, 'ipv4');
  if (family === 6) return globalV6.check(address, 'ipv6') && !nonPublicV6.check(address, 'ipv6');
  return false;
}

/** The default policy: public addresses on any port. */
export const publicAddressesOnly: AddressPolicy = ({ address }) => isPublicAddress(address);

/**
 * Public addresses, plus exactly these address:port pairs: for tests serving images on loopback
 * (a test hook only; the apps use publicAddressesOnly).
 */
export function publicAnd(extra: readonly AddressTarget[]): AddressPolicy {
  return (target) => isPublicAddress(target.address) || extra.some((e) => e.address === target.address && e.port === target.port);
}
