// Ed25519 signatures over the exact bytes of an update manifest (latest*.yml). electron-updater
// checks only the sha512 the manifest names, so whoever can change the manifest can change the
// update: the signature is what ties it to our release key.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

const ED25519_SIGNATURE_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class ManifestSignatureError extends Error {
  override name = 'ManifestSignatureError';
}

function ed25519Key(pem: string, kind: 'private' | 'public'): KeyObject {
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch (error) {
    throw new ManifestSignatureError(`The update ${kind} key is not a readable PEM key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new ManifestSignatureError(`The update ${kind} key must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'a symmetric key'}.`);
  }
  return key;
}

/** A manifest as text (signed as UTF-8) or as the file's exact bytes. */
export type ManifestBytes = string | Uint8Array;

const bytesOf = (manifest: ManifestBytes): Buffer => (typeof manifest === 'string' ? Buffer.from(manifest, 'utf8') : Buffer.from(manifest));

/** Signs the manifest's bytes; returns the signature in base64 (the content of latest.yml.sig). */
export function signManifest(yamlText: ManifestBytes, privateKeyPem: string): string {
  return sign(null, bytesOf(yamlText), ed25519Key(privateKeyPem, 'private')).toString('base64');
}

/** Reads a .sig file's text: one base64 Ed25519 signature, surrounding whitespace allowed. */
export function parseSignature(signatureBase64: string): Buffer {
  const text = signatureBase64.trim();
  const bytes = BASE64.test(text) ? Buffer.from(text, 'base64') : null;
  if (!bytes || bytes.length !== ED25519_SIGNATURE_BYTES || bytes.toString('base64') !== text) {
    throw new ManifestSignatureError(`The manifest signature is malformed: expected ${ED25519_SIGNATURE_BYTES} bytes in base64.`);
  }
  return bytes;
}

/**
 * True when the signature was made over exactly these bytes by the key pair of `publicKeyPem`.
 * Throws ManifestSignatureError when the signature or the key cannot be read at all.
 */
export function verifyManifest(yamlText: ManifestBytes, signatureBase64: string, publicKeyPem: string): boolean {
  const signature = parseSignature(signatureBase64);
  return verify(null, bytesOf(yamlText), ed25519Key(publicKeyPem, 'public'), signature);
}
