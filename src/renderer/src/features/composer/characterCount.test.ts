import { describe, expect, it } from 'vitest';
import { countCharacters } from './characterCount';

describe('countCharacters', () => {
  it('counts what a reader sees as one character once', () => {
    expect(countCharacters('')).toBe(0);
    expect(countCharacters('Hello')).toBe(5);
    expect(countCharacters('👍🏽')).toBe(1);
    expect(countCharacters('👨‍👩‍👧')).toBe(1);
    expect(countCharacters('é')).toBe(1);
    expect(countCharacters('مرحبا')).toBe(5);
  });
});
