#!/usr/bin/env node
// Release step after electron-builder: signs each update manifest (latest*.yml, beta*.yml,
// alpha*.yml) in a folder with the release manager's Ed25519 key and writes <name>.yml.sig
// beside it. Upload the .sig files with the manifests; the app refuses a manifest without one.
//
//   SHIFTDESK_UPDATE_SIGNING_KEY=/secure/update-signing-key.pem npm run sign-update -- release/
//
// The key is read from the file the variable names (never from the repository); the script
// checks each signature with resources/update-public-key.pem so a wrong key fails here, not in
// the field. Run with tsx (npm run sign-update), which loads the TypeScript core module.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signManifest, verifyManifest } from '../src/main/core/update/manifestSignature.ts';

const MANIFEST = /^(latest|beta|alpha)(-[A-Za-z0-9_-]+)?\.yml$/;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`sign-update-manifest: ${message}`);
  process.exit(1);
}

const folder = resolve(process.argv[2] ?? join(root, 'release'));
const keyFile = process.env.SHIFTDESK_UPDATE_SIGNING_KEY;
if (!keyFile) fail('set SHIFTDESK_UPDATE_SIGNING_KEY to the path of the Ed25519 private key (PEM).');
const publicKeyFile = process.env.SHIFTDESK_UPDATE_PUBLIC_KEY ?? join(root, 'resources', 'update-public-key.pem');

let privateKeyPem, publicKeyPem, names;
try {
  privateKeyPem = readFileSync(keyFile, 'utf8');
  publicKeyPem = readFileSync(publicKeyFile, 'utf8');
  names = readdirSync(folder).filter((name) => MANIFEST.test(name)).sort();
} catch (error) {
  fail(error.message);
}
if (names.length === 0) fail(`no latest*.yml, beta*.yml or alpha*.yml in ${folder}; run electron-builder first.`);

for (const name of names) {
  const bytes = readFileSync(join(folder, name));
  let signature;
  try {
    signature = signManifest(bytes, privateKeyPem);
  } catch (error) {
    fail(error.message);
  }
  if (!verifyManifest(bytes, signature, publicKeyPem)) {
    fail(`the signing key does not match ${publicKeyFile}: the app would refuse this release. Nothing more was signed.`);
  }
  writeFileSync(join(folder, `${name}.sig`), `${signature}\n`);
  console.log(`signed ${name} -> ${name}.sig`);
}
