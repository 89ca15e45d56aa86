import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, defaultDataDir, parseWebOptions } from './webOptions';

describe('browser-mode options', () => {
  it('reads flags, then environment, then defaults', () => {
    expect(parseWebOptions([], {})).toMatchObject({ port: DEFAULT_PORT, demoRate: undefined });
    expect(parseWebOptions([], { SHIFTDESK_PORT: '6000', SHIFTDESK_DATA_DIR: '/data', SHIFTDESK_DEMO_RATE: '5' })).toMatchObject({ port: 6000, dataDir: '/data', demoRate: 5 });
    expect(parseWebOptions(['--port', '0', '--data-dir=/tmp/x', '--demo-rate', '0'], { SHIFTDESK_PORT: '6000' })).toMatchObject({ port: 0, dataDir: '/tmp/x', demoRate: 0 });
  });

  it('explains bad values', () => {
    expect(() => parseWebOptions(['--port', 'http'], {})).toThrow(/--port must be a whole number/);
    expect(() => parseWebOptions(['--port', '70000'], {})).toThrow(/--port/);
    expect(() => parseWebOptions(['--data-dir'], {})).toThrow(/needs a value/);
    expect(() => parseWebOptions(['--verbose'], {})).toThrow(/Unknown option --verbose/);
  });

  it('lets the image proxy reach loopback image servers only in tests', () => {
    const env = { SHIFTDESK_TEST_IMAGE_SERVERS: '127.0.0.1:8081, 127.0.0.1:8082' };
    expect(parseWebOptions([], env).testImageServers).toBeUndefined();
    expect(parseWebOptions([], { ...env, NODE_ENV: 'test' }).testImageServers).toEqual([
      { address: '127.0.0.1', port: 8081 },
      { address: '127.0.0.1', port: 8082 },
    ]);
    expect(() => parseWebOptions([], { NODE_ENV: 'test', SHIFTDESK_TEST_IMAGE_SERVERS: '10.0.0.1:80' })).toThrow(/127.0.0.1:PORT/);
  });

  it('shares the desktop app folder by default', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/Shiftdesk');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Shiftdesk$/);
  });
});
