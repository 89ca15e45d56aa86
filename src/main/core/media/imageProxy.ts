// The image proxy the hosts serve to the renderer: fetchImage behind a bytes-bounded LRU cache,
// with one fetch shared by simultaneous requests for the same URL, and the HTTP answer to give.
import { fetchImage, type FetchedImage, type ImageFetchOptions } from './fetchImage';
import { ImageCache } from './imageCache';
import { ImageRefusedError, statusForRefusal } from './imageRefused';

export interface ImageProxyOptions extends ImageFetchOptions {
  /** Bytes of images kept in memory (default 32 MB). */
  cacheBytes?: number;
}

export interface ImageProxy {
  fetch(url: string): Promise<FetchedImage>;
}

export function createImageProxy(options: ImageProxyOptions = {}): ImageProxy {
  const cache = new ImageCache(options.cacheBytes ?? 32 * 1024 * 1024);
  const inFlight = new Map<string, Promise<FetchedImage>>();
  return {
    fetch(url) {
      const cached = cache.get(url);
      if (cached) return Promise.resolve(cached);
      const pending = inFlight.get(url);
      if (pending) return pending;
      const fetching = fetchImage(url, options)
        .then((image) => {
          cache.set(url, image);
          return image;
        })
        .finally(() => inFlight.delete(url));
      inFlight.set(url, fetching);
      return fetching;
    },
  };
}

export interface MediaAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

// Whatever the bytes, the answer is never a document that could run anything.
const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The answer to a renderer's request for `url` (the `url` query parameter of the media route).
 * Refusals are logged by the caller from `refusal` and answered with a short plain-text reason.
 */
export async function answerMediaRequest(proxy: ImageProxy, url: string | null): Promise<MediaAnswer & { refusal?: ImageRefusedError }> {
  try {
    if (!url) throw new ImageRefusedError('invalid-url', 'No image address given');
    const image = await proxy.fetch(url);
    return {
      status: 200,
      headers: { ...COMMON_HEADERS, 'Content-Type': image.contentType, 'Content-Length': String(image.bytes.length), 'Cache-Control': 'private, max-age=3600' },
      body: image.bytes,
    };
  } catch (error) {
    const refusal = error instanceof ImageRefusedError ? error : new ImageRefusedError('network', String(error));
    return {
      status: statusForRefusal(refusal.reason),
      headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      body: `${refusal.reason}: ${refusal.message}`,
      refusal,
    };
  }
}
