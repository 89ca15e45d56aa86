import { describe, expect, it } from 'vitest';
import { isSendKey, shortcutFor, type TargetLike } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const el = (tagName: string, attrs: Record<string, string> = {}, isContentEditable = false): TargetLike => ({
  tagName,
  isContentEditable,
  getAttribute: (name) => attrs[name] ?? null,
});

describe('shortcutFor', () => {
  it('maps the inbox keys', () => {
    const body = el('BODY');
    expect(shortcutFor(key('j'), body)).toBe('next');
    expect(shortcutFor(key('k'), body)).toBe('previous');
    expect(shortcutFor(key('r'), body)).toBe('reply');
    expect(shortcutFor(key('e'), body)).toBe('resolve');
    expect(shortcutFor(key('t'), body)).toBe('take');
    expect(shortcutFor(key('T'), body)).toBe('take');
    expect(shortcutFor(key('?'), body)).toBe('help');
    expect(shortcutFor(key('l'), body)).toBe('library');
    expect(shortcutFor(key('Enter'), el('DIV', { role: 'listbox' }))).toBe('focusThread');
    expect(shortcutFor(key('x'), body)).toBeNull();
  });

  it('stays out of the way while typing or with modifiers', () => {
    expect(shortcutFor(key('j'), el('TEXTAREA'))).toBeNull();
    expect(shortcutFor(key('j'), el('INPUT'))).toBeNull();
    expect(shortcutFor(key('j'), el('SELECT'))).toBeNull();
    expect(shortcutFor(key('j'), el('DIV', {}, true))).toBeNull();
    expect(shortcutFor(key('j'), el('INPUT', { type: 'checkbox' }))).toBe('next');
    expect(shortcutFor(key('r', { ctrlKey: true }), el('BODY'))).toBeNull();
    expect(shortcutFor(key('e', { metaKey: true }), el('BODY'))).toBeNull();
    expect(shortcutFor(key('t'), el('TEXTAREA'))).toBeNull();
    expect(shortcutFor(key('t', { ctrlKey: true }), el('BODY'))).toBeNull();
  });

  it('leaves Enter to buttons and links', () => {
    expect(shortcutFor(key('Enter'), el('BUTTON'))).toBeNull();
    expect(shortcutFor(key('Enter'), el('A'))).toBeNull();
  });
});

describe('isSendKey', () => {
  it('is Ctrl+Enter or Cmd+Enter', () => {
    expect(isSendKey(key('Enter', { ctrlKey: true }))).toBe(true);
    expect(isSendKey(key('Enter', { metaKey: true }))).toBe(true);
    expect(isSendKey(key('Enter'))).toBe(false);
  });
});
