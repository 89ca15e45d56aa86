// A Mastodon sign-in in the browser, as a form sees it: start (the core registers Shiftdesk on
// the instance and the instance's authorization page opens in the system browser), finish with
// the code the instance shows, then add or sign in again with the sign-in's id. The access token
// never comes here: the core keeps it until the account is saved. A sign-in the form leaves
// behind (cancelled, closed, another instance) is cancelled in the core, which revokes its token.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDesk } from '../../app/deskContext';

export type BrowserSignInState =
  | { step: 'idle' }
  | { step: 'authorizing'; signInId: string; authorizeUrl: string; host: string }
  | { step: 'signedIn'; signInId: string; host: string; handle: string; name: string };

/** Failures after which the core has closed the sign-in: it can only start again. */
const CLOSED = new Set(['SignInExpired', 'WrongAccount', 'ConnectionFailed']);

/**
 * Hands a http(s) page to the system browser: in the desktop app the window's open handler
 * sends it there (src/main/electron/hardening.ts); in browser mode it opens in a new tab.
 */
export function openInBrowser(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

export interface BrowserSignIn {
  state: BrowserSignInState;
  busy: 'start' | 'finish' | null;
  /** The instance refused the last code. */
  codeRefused: boolean;
  start(target: { instanceUrl: string } | { accountId: string }): Promise<void>;
  /** Exchanges the code; resolves with the finished state, or null (onError was told why). */
  finish(code: string): Promise<Extract<BrowserSignInState, { step: 'signedIn' }> | null>;
  /** Back to the start, cancelling an open sign-in in the core. */
  reset(): void;
  /** The account was saved with it: the core has closed it, nothing to cancel. */
  used(): void;
  /** A call with the sign-in failed: if the core closed it, back to the start. */
  failed(error: unknown): void;
}

export function useBrowserSignIn(onError: (error: unknown) => void): BrowserSignIn {
  const desk = useDesk();
  const [state, setState] = useState<BrowserSignInState>({ step: 'idle' });
  const [busy, setBusy] = useState<'start' | 'finish' | null>(null);
  const [codeRefused, setCodeRefused] = useState(false);
  /** The sign-in open in the core, to cancel when the form moves on or goes away. */
  const open = useRef<string | null>(null);
  /** Bumped on every reset: a late answer about an earlier sign-in is dropped. */
  const generation = useRef(0);

  const cancel = useCallback(
    (signInId: string) => {
      desk.cancelMastodonSignIn({ signInId }).catch(() => {
        // Already closed, or the core is gone: nothing is left to cancel.
      });
    },
    [desk],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    const id = open.current;
    open.current = null;
    if (id) cancel(id);
    setState({ step: 'idle' });
    setBusy(null);
    setCodeRefused(false);
  }, [cancel]);

  useEffect(
    () => () => {
      generation.current += 1;
      const id = open.current;
      open.current = null;
      if (id) cancel(id);
    },
    [cancel],
  );

  const start = async (target: { instanceUrl: string } | { accountId: string }) => {
    reset();
    const asked = generation.current;
    setBusy('start');
    try {
      const started = await desk.startMastodonSignIn(target);
      if (asked !== generation.current) {
        cancel(started.signInId);
        return;
      }
      open.current = started.signInId;
      setState({ step: 'authorizing', signInId: started.signInId, authorizeUrl: started.authorizeUrl, host: new URL(started.instanceUrl).host });
      openInBrowser(started.authorizeUrl);
    } catch (error) {
      if (asked === generation.current) onError(error);
    } finally {
      if (asked === generation.current) setBusy(null);
    }
  };

  const failed = (error: unknown) => {
    if (error instanceof Error && CLOSED.has(error.name)) {
      open.current = null;
      reset();
    }
  };

  const finish = async (code: string) => {
    if (state.step !== 'authorizing' || busy) return null;
    const asked = generation.current;
    setBusy('finish');
    setCodeRefused(false);
    try {
      const done = await desk.finishMastodonSignIn({ signInId: state.signInId, code });
      if (asked !== generation.current) return null;
      const signedIn = { step: 'signedIn' as const, signInId: done.signInId, host: state.host, handle: done.handle, name: done.name };
      setState(signedIn);
      return signedIn;
    } catch (error) {
      if (asked !== generation.current) return null;
      failed(error);
      if (error instanceof Error && (error.name === 'SignInFailed' || error.name === 'InvalidInput')) setCodeRefused(true);
      onError(error);
      return null;
    } finally {
      if (asked === generation.current) setBusy(null);
    }
  };

  const used = () => {
    open.current = null;
  };

  return { state, busy, codeRefused, start, finish, reset, used, failed };
}
