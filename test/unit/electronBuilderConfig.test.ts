// electron-builder cannot package on this machine (it downloads Electron), so the packaging
// settings that matter for security and updates are checked here, on the file itself.
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const config = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const targets = (platform: { target: Array<string | { target: string }> }): string[] =>
  platform.target.map((target) => (typeof target === 'string' ? target : target.target));

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.shiftdesk.desktop');
    expect(config.productName).toBe('Shiftdesk');
  });

  it('builds AppImage + deb, NSIS, dmg + zip (zip is what macOS updates download)', () => {
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg', 'zip']);
  });

  it('takes its icons from resources/, and they exist', () => {
    expect(config.directories.buildResources).toBe('resources');
    for (const platform of ['linux', 'win', 'mac']) {
      expect(config[platform].icon).toMatch(/^resources\//);
      expect(existsSync(resolve(root, config[platform].icon))).toBe(true);
    }
  });

  it('unpacks the native modules from the asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/node_modules/keytar/**']));
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('publishes to a generic feed whose URL comes from the environment at build time', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.SHIFTDESK_UPDATE_URL}', channel: 'latest' });
  });

  it('ships the Ed25519 public key the app checks update manifests with', () => {
    const shipped = config.extraResources.flatMap((entry: { from: string; filter: string[] }) => (entry.from === 'resources/' ? entry.filter : []));
    expect(shipped).toContain('update-public-key.pem');
    const key = createPublicKey(readFileSync(resolve(root, 'resources/update-public-key.pem'), 'utf8'));
    expect(key.asymmetricKeyType).toBe('ed25519');
  });
});
