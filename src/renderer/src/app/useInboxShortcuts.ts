// Wires the single-key shortcuts (shortcuts.ts) to the inbox's actions.
import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './shortcuts';

export type ShortcutHandlers = Record<ShortcutAction, () => void>;

export function useInboxShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event, event.target instanceof Element ? (event.target as HTMLElement) : null);
      if (!action) return;
      event.preventDefault();
      handlersRef.current[action]();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
