// The key that goes with Enter to send: ⌘ on Apple keyboards, Ctrl elsewhere.

export const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
export const SEND_SHORTCUT = isApple ? '⌘+Enter' : 'Ctrl+Enter';
