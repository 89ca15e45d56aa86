import { afterEach, describe, expect, it } from 'vitest';
import { configureProxiedImages, proxiedImage } from './proxiedImage';

afterEach(() => configureProxiedImages(null));

describe('proxiedImage', () => {
  it('points at the privileged scheme in Electron, the URL fully encoded', () => {
    configureProxiedImages({ kind: 'scheme' });
    expect(proxiedImage('https://cdn.example/a b.png?x=1&y=2#f')).toBe(
      'shiftdesk-media://image/?url=https%3A%2F%2Fcdn.example%2Fa+b.png%3Fx%3D1%26y%3D2%23f',
    );
  });

  it("points at the host's path with the run token in browser mode", () => {
    configureProxiedImages({ kind: 'path', token: 't0k&n' });
    expect(proxiedImage('http://cdn.example/a.png')).toBe('/media?url=http%3A%2F%2Fcdn.example%2Fa.png&token=t0k%26n');
  });

  it('gives nothing to show for no URL, another scheme, or before the bridge is set', () => {
    expect(proxiedImage('https://cdn.example/a.png')).toBeUndefined();
    configureProxiedImages({ kind: 'scheme' });
    for (const url of [null, undefined, '', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '//cdn.example/a.png', 'file:///etc/passwd']) {
      expect(proxiedImage(url)).toBeUndefined();
    }
  });
});
