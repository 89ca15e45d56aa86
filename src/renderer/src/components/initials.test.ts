import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials';

describe('initialsOf', () => {
  it.each([
    ['Ana Costa', 'AC'],
    ['ana', 'A'],
    ['María José Núñez', 'MJ'],
    ['  @kim_travels  ', 'K'],
    ['\u202Eevil name', 'EN'],
    ['\u2068Ana\u2069 \u200Bcosta', 'AC'],
    ['李 小龍', '李小'],
    ['محمد علي', 'مع'],
    ['🦊 fox', 'F'],
    ['<img src=x onerror=alert(1)>', 'IS'],
    ['', ''],
    ['!!! ???', ''],
  ])('%j → %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
