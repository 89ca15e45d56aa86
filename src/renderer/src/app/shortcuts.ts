// Single-key shortcuts of the inbox. They never fire while the agent types, and never with a
// modifier held, so they cannot collide with the browser's or the OS's own shortcuts.

export type ShortcutAction = 'next' | 'previous' | 'focusThread' | 'reply' | 'resolve' | 'take' | 'help' | 'library';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface TargetLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
}

const TYPING_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'spinbutton']);
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

/** True where a key press is typing: text fields, text areas, selects, editable content. */
export function isTypingTarget(target: TargetLike | null): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((target.getAttribute('type') ?? 'text').toLowerCase());
  if (target.isContentEditable) return true;
  return TYPING_ROLES.has(target.getAttribute('role') ?? '');
}

/** True where Enter already means something (buttons, links, list options, switches). */
export function isActionTarget(target: TargetLike | null): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'BUTTON' || tag === 'A' || tag === 'INPUT' || tag === 'SUMMARY') return true;
  return ['button', 'link', 'switch', 'checkbox', 'menuitem', 'tab', 'option'].includes(target.getAttribute('role') ?? '');
}

export function shortcutFor(event: KeyLike, target: TargetLike | null): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(target)) return null;
  switch (event.key) {
    case 'j':
    case 'J':
      return 'next';
    case 'k':
    case 'K':
      return 'previous';
    case 'r':
    case 'R':
      return 'reply';
    case 'e':
    case 'E':
      return 'resolve';
    case 't':
    case 'T':
      return 'take';
    case 'l':
    case 'L':
      return 'library';
    case '?':
      return 'help';
    case 'Enter':
      return isActionTarget(target) ? null : 'focusThread';
    default:
      return null;
  }
}

/** Ctrl+Enter, or Cmd+Enter on a Mac, sends the reply. */
export const isSendKey = (event: KeyLike & { shiftKey?: boolean }) =>
  event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey;
