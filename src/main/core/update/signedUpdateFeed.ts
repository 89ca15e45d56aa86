// Reads an update feed's manifest and its detached signature, and hands back the manifest only
// when the signature verifies with the public key shipped in the app. Nothing else is fetched:
// the installer is downloaded later (by electron-updater) only for a release this approved.
import { ManifestSignatureError, verifyManifest } from './manifestSignature';
import { parseUpdateManifest, type UpdateManifest } from './updateManifest';

/** A manifest is a few hundred bytes; anything far bigger is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

export type UpdateRefusalReason = 'unreachable' | 'no-manifest' | 'unsigned' | 'malformed-signature' | 'bad-signature' | 'bad-manifest';

export class UpdateRefusedError extends Error {
  override name = 'UpdateRefusedError';
  constructor(
    readonly reason: UpdateRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export interface SignedUpdateFeedOptions {
  /** Base URL of the generic feed (the folder holding latest*.yml). */
  feedUrl: string;
  publicKeyPem: string;
  /** latest.yml unless given (see manifestFileName for the one electron-updater reads). */
  manifestName?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface VerifiedUpdate {
  manifest: UpdateManifest;
  manifestUrl: string;
}

export class SignedUpdateFeed {
  private readonly manifestUrl: URL;
  private readonly signatureUrl: URL;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: SignedUpdateFeedOptions) {
    const base = new URL(options.feedUrl.endsWith('/') ? options.feedUrl : `${options.feedUrl}/`);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw new Error(`The update feed must be an http(s) address, not ${base.protocol}`);
    }
    const name = options.manifestName ?? 'latest.yml';
    this.manifestUrl = new URL(name, base);
    this.signatureUrl = new URL(`${name}.sig`, base);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The verified manifest, or UpdateRefusedError saying why the update is refused. */
  async check(): Promise<VerifiedUpdate> {
    // The signature covers the file's bytes, so they are verified as received, before decoding.
    const manifestBytes = await this.download(this.manifestUrl, 'no-manifest');
    const signatureText = new TextDecoder().decode(await this.download(this.signatureUrl, 'unsigned'));
    let verified: boolean;
    try {
      verified = verifyManifest(manifestBytes, signatureText, this.options.publicKeyPem);
    } catch (error) {
      if (error instanceof ManifestSignatureError) throw new UpdateRefusedError('malformed-signature', `Update refused: ${error.message}`);
      throw error;
    }
    if (!verified) {
      throw new UpdateRefusedError(
        'bad-signature',
        `Update refused: the signature of ${this.manifestUrl.href} does not match it with the release key shipped in this app (changed after signing, or signed by another key).`,
      );
    }
    try {
      return { manifest: parseUpdateManifest(new TextDecoder().decode(manifestBytes)), manifestUrl: this.manifestUrl.href };
    } catch (error) {
      throw new UpdateRefusedError('bad-manifest', `Update refused: ${(error as Error).message}`);
    }
  }

  private async download(url: URL, missing: 'no-manifest' | 'unsigned'): Promise<Uint8Array> {
    let response: Response;
    try {
      response = await this.fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow', cache: 'no-store' });
    } catch (error) {
      throw new UpdateRefusedError('unreachable', `Update check failed: ${url.href} could not be read (${(error as Error).message}).`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new UpdateRefusedError(
        missing,
        missing === 'unsigned'
          ? `Update refused: the manifest has no signature (${url.href} is missing).`
          : `Update check failed: the feed has no manifest at ${url.href}.`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new UpdateRefusedError('unreachable', `Update check failed: ${url.href} answered HTTP ${response.status}.`);
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_MANIFEST_BYTES) {
      await response.body?.cancel();
      throw new UpdateRefusedError('bad-manifest', `Update refused: ${url.href} is ${declared} bytes, too big for a manifest.`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_MANIFEST_BYTES) {
      throw new UpdateRefusedError('bad-manifest', `Update refused: ${url.href} is too big for a manifest.`);
    }
    return bytes;
  }
}
