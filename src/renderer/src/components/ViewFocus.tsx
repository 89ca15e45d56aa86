// For dialogs with views: each view takes the focus when it appears (its [data-autofocus]
// element, or its first control), so the keyboard never falls out of the dialog when the previous
// view's button disappears. Key it by the view.
import { useEffect, useRef, type ReactNode } from 'react';

export function ViewFocus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || root.contains(document.activeElement)) return;
    const target =
      root.querySelector<HTMLElement>('[data-autofocus]') ??
      root.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex="0"]');
    target?.focus();
  }, []);
  return <div ref={ref}>{children}</div>;
}
