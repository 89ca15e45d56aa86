// Why the image proxy refused an image: one typed error, one reason per kind of refusal.

export type ImageRefusal =
  | 'invalid-url' // not a URL, or too long
  | 'scheme' // not http(s), or a redirect from https down to http
  | 'credentials' // user:password@ in the URL
  | 'address' // resolves to (or connected to) a private, loopback, link-local ... address
  | 'redirects' // too many redirects, or one without a Location
  | 'status' // the server answered something else than 200
  | 'content-type' // not image/png, jpeg, gif, webp or avif (SVG included)
  | 'not-an-image' // the bytes are not the format the server claims
  | 'too-large' // over the size cap, by Content-Length or as streamed
  | 'timeout'
  | 'network';

export class ImageRefusedError extends Error {
  override readonly name = 'ImageRefused';
  constructor(
    readonly reason: ImageRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** The HTTP status a host answers the renderer with for a refusal. */
export function statusForRefusal(reason: ImageRefusal): number {
  switch (reason) {
    case 'invalid-url':
    case 'scheme':
    case 'credentials':
      return 400;
    case 'address':
      return 403;
    case 'timeout':
      return 504;
    default:
      return 502;
  }
}
