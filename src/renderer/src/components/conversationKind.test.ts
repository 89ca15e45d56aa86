import { describe, expect, it } from 'vitest';
import { kindAddsInformation } from './conversationKind';

describe('kindAddsInformation', () => {
  it('hides only what the platform badge already says', () => {
    expect(kindAddsInformation('email', 'email')).toBe(false);
    expect(kindAddsInformation('x', 'mention')).toBe(true);
    expect(kindAddsInformation('facebook', 'dm')).toBe(true);
    expect(kindAddsInformation('instagram', 'comment')).toBe(true);
  });
});
