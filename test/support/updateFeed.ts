// A generic update feed on 127.0.0.1 (a folder of latest*.yml, .sig and installers, as a web
// server would serve the release folder), and throwaway Ed25519 key pairs for signing it.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface UpdateFeedServer {
  /** The feed's base URL (…/updates, no trailing slash). */
  url: string;
  /** File name → body served; anything else is a 404. */
  files: Record<string, string>;
  /** Every file name asked for, in order. */
  requested: string[];
  reset(): void;
  close(): Promise<void>;
}

export async function startUpdateFeed(): Promise<UpdateFeedServer> {
  const feed = { files: {} as Record<string, string>, requested: [] as string[] };
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/updates\//, '');
    feed.requested.push(name);
    const body = feed.files[name];
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates`,
    get files() {
      return feed.files;
    },
    set files(files) {
      feed.files = files;
    },
    requested: feed.requested,
    reset() {
      feed.files = {};
      feed.requested.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function ed25519PemPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const SHA_A = `${'A'.repeat(86)}==`;
export const SHA_B = `${'B'.repeat(86)}==`;

/** A latest.yml as electron-builder writes it for one Linux AppImage. */
export function manifestFor(version: string, sha512 = SHA_A): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: Shiftdesk-${version}.AppImage`,
    `    sha512: ${sha512}`,
    '    size: 123456789',
    `path: Shiftdesk-${version}.AppImage`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-11-20T10:00:00.000Z'",
    '',
  ].join('\n');
}
