// The panes keyboard shortcuts move focus between, by element id.

export const FOCUS_TARGETS = {
  list: 'conversation-list',
  thread: 'conversation-messages',
  composer: 'reply-composer',
} as const;

export function focusTarget(target: keyof typeof FOCUS_TARGETS): boolean {
  const element = document.getElementById(FOCUS_TARGETS[target]);
  if (!element) return false;
  element.focus();
  return true;
}
