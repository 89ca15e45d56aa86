// Fetches one remote image for the renderer, which never loads a remote URL itself. Only http(s),
// only public addresses (checked on the address actually connected, so DNS rebinding cannot slip
// through), a few redirects each checked again, a deadline, a size cap, and only PNG, JPEG, GIF,
// WebP or AVIF whose bytes are what the server claims. No cookies, no referrer, no credentials.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { publicAddressesOnly, type AddressPolicy } from './addressPolicy';
import { ImageRefusedError } from './imageRefused';
import { acceptedImageType, sniffImageType, type ImageType } from './imageType';

export interface FetchedImage {
  bytes: Buffer;
  contentType: ImageType;
}

export interface ImageFetchOptions {
  /** Which connected addresses are allowed (default: public ones only). */
  policy?: AddressPolicy;
  /** The whole fetch, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export const IMAGE_FETCH_DEFAULTS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 } as const;
const MAX_URL_LENGTH = 4096;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const HEADERS = {
  Accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9',
  'User-Agent': 'Shiftdesk image proxy',
  'Accept-Encoding': 'identity',
};

type Hop = { redirect: URL } | { image: FetchedImage };

/** The URL if it is one the proxy may fetch at all (before any address is known). */
export function checkImageUrl(raw: string, from?: URL): URL {
  if (raw.length > MAX_URL_LENGTH) throw new ImageRefusedError('invalid-url', 'The image address is too long');
  let url: URL;
  try {
    url = new URL(raw, from);
  } catch {
    throw new ImageRefusedError('invalid-url', 'The image address is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ImageRefusedError('scheme', `Images are fetched over http(s) only, not ${url.protocol}`);
  }
  if (from?.protocol === 'https:' && url.protocol === 'http:') {
    throw new ImageRefusedError('scheme', 'A redirect from https to http was refused');
  }
  if (url.username !== '' || url.password !== '') {
    throw new ImageRefusedError('credentials', 'Image addresses with a user name or password are refused');
  }
  return url;
}

const portOf = (url: URL): number => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);

function refusedAddress(address: string, port: number): ImageRefusedError {
  return new ImageRefusedError('address', `The image server's address ${address} (port ${port}) is not allowed: only public addresses are`);
}

/** dns.lookup that hands the socket only addresses the policy allows (all must be, or none is used). */
function guardedLookup(policy: AddressPolicy, port: number): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.find((a) => !policy({ address: a.address, port }));
      if (refused || addresses.length === 0) return callback(refusedAddress(refused?.address ?? hostname, port), '', 4);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function fetchHop(url: URL, policy: AddressPolicy, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  const port = portOf(url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address is connected to without any lookup: check it here.
  if (isIP(host) !== 0 && !policy({ address: host, port })) return Promise.reject(refusedAddress(host, port));
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(error);
    };
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'GET',
      agent: false,
      headers: HEADERS,
      lookup: guardedLookup(policy, port),
      signal,
    });
    // Checked again once connected: whatever resolved the name, this is where the bytes come from.
    request.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        const address = socket.remoteAddress;
        if (!address || !policy({ address, port })) fail(refusedAddress(address ?? 'unknown', port));
      });
    });
    request.on('error', (error) => fail(error));
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        const location = response.headers.location;
        response.resume();
        if (!location) return fail(new ImageRefusedError('redirects', `A redirect (${status}) without a Location`));
        let next: URL;
        try {
          next = checkImageUrl(location, url);
        } catch (error) {
          return fail(error as Error);
        }
        settled = true;
        request.destroy();
        resolve({ redirect: next });
        return;
      }
      if (status !== 200) return fail(new ImageRefusedError('status', `The image server answered ${status}`));
      const declared = acceptedImageType(response.headers['content-type']);
      if (!declared) {
        return fail(new ImageRefusedError('content-type', `Not an accepted image type: ${response.headers['content-type'] ?? 'none given'}`));
      }
      const length = Number(response.headers['content-length']);
      if (Number.isFinite(length) && length > maxBytes) {
        return fail(new ImageRefusedError('too-large', `The image is ${length} bytes, over the ${maxBytes}-byte limit`));
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) return fail(new ImageRefusedError('too-large', `The image is over the ${maxBytes}-byte limit`));
        chunks.push(chunk);
      });
      response.on('error', (error) => fail(error));
      response.on('end', () => {
        if (settled) return;
        const bytes = Buffer.concat(chunks);
        const actual = sniffImageType(bytes);
        if (actual !== declared) {
          return fail(new ImageRefusedError('not-an-image', `The server says ${declared} but the bytes are ${actual ?? 'not an accepted image'}`));
        }
        settled = true;
        resolve({ image: { bytes, contentType: actual } });
      });
    });
    request.end();
  });
}

/** One remote image, or an ImageRefusedError saying why not. */
export async function fetchImage(rawUrl: string, options: ImageFetchOptions = {}): Promise<FetchedImage> {
  const policy = options.policy ?? publicAddressesOnly;
  const { timeoutMs, maxBytes, maxRedirects } = { ...IMAGE_FETCH_DEFAULTS, ...options };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    let url = checkImageUrl(rawUrl);
    for (let redirects = 0; ; redirects++) {
      const hop = await fetchHop(url, policy, maxBytes, deadline.signal);
      if ('image' in hop) return hop.image;
      if (redirects >= maxRedirects) throw new ImageRefusedError('redirects', `More than ${maxRedirects} redirects`);
      url = hop.redirect;
    }
  } catch (error) {
    if (error instanceof ImageRefusedError) throw error;
    if (deadline.signal.aborted) throw new ImageRefusedError('timeout', `The image did not arrive within ${timeoutMs} ms`);
    throw new ImageRefusedError('network', `The image could not be fetched: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
