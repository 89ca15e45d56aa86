// Signing in in the browser, laid out: "Sign in with {instance}", then (the instance's page open
// in the browser) the code it shows and "Finish sign-in", then whose account it is. The form
// around it owns what happens with a finished sign-in (add the account, or sign it in again).
import { Anchor, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import type { BrowserSignIn as BrowserSignInModel } from './useBrowserSignIn';

/** Codes are typed exactly, never corrected or remembered by the browser. */
const PLAIN = { autoComplete: 'off', autoCapitalize: 'off', autoCorrect: 'off', spellCheck: false } as const;

export function BrowserSignIn({
  signIn,
  host,
  hint,
  onStart,
  onFinish,
  error,
  buttonId,
  autoFocus,
}: {
  signIn: BrowserSignInModel;
  /** The instance's host name, once known (the add form: what the agent typed). */
  host: string | null;
  /** What happens when the agent starts (below the button). */
  hint: string;
  onStart(): void;
  onFinish(code: string): void;
  /** Why the form cannot go on yet (e.g. nobody signed in). */
  error?: string;
  buttonId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [code, setCode] = useState('');
  const { state, busy } = signIn;
  const signedIn = state.step === 'signedIn' ? state : null;
  const startButton = useRef<HTMLButtonElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const anotherButton = useRef<HTMLButtonElement>(null);

  // The control the agent used goes away with each step: the focus goes on to the next one.
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    if (state.step === 'authorizing') codeInput.current?.focus();
    // Signed in: the status announces whose account it is; the focus stays in the box.
    else if (state.step === 'signedIn') anotherButton.current?.focus();
    // Back to the start: only when the focus fell with the control that went away (not while the agent types elsewhere).
    else if (!document.activeElement || document.activeElement === document.body) startButton.current?.focus();
  }, [state.step]);

  const finish = () => {
    if (busy) return;
    onFinish(code.trim());
  };
  const onCodeKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter finishes the sign-in, not the form around it.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    finish();
  };
  const startOver = () => {
    setCode('');
    signIn.reset();
  };
  if (state.step === 'idle' && code) setCode('');

  return (
    <Stack gap="xs" data-testid="browser-sign-in" data-step={state.step}>
      {state.step === 'idle' && (
        <Stack gap={4}>
          <Button
            ref={startButton}
            id={buttonId}
            variant="light"
            w="fit-content"
            onClick={onStart}
            loading={busy === 'start'}
            aria-describedby={`${ids}-hint${error ? ` ${ids}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            data-autofocus={autoFocus || undefined}
          >
            {host ? t('accounts.browserSignIn.start', { host }) : t('accounts.browserSignIn.startNoHost')}
          </Button>
          <Text id={`${ids}-hint`} size="xs" c="dimmed">
            {hint}
          </Text>
          {error && (
            <Text id={`${ids}-error`} size="xs" c="red.8">
              {error}
            </Text>
          )}
        </Stack>
      )}
      {state.step === 'authorizing' && (
        <Stack gap="xs">
          <Text size="sm">
            <TemplateText template={t('accounts.browserSignIn.opened', markers('host'))} values={{ host: state.host }} />
          </Text>
          {/* The way back to the page when the browser did not come up (a normal link: the desktop app hands it to the system browser). */}
          <Anchor href={state.authorizeUrl} target="_blank" rel="noopener noreferrer" size="sm" w="fit-content">
            {t('accounts.browserSignIn.openAgain')}
          </Anchor>
          <TextInput
            ref={codeInput}
            label={t('accounts.browserSignIn.code')}
            description={t('accounts.browserSignIn.codeHint', { host: state.host })}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={onCodeKey}
            error={signIn.codeRefused}
            withAsterisk
            maxLength={512}
            {...PLAIN}
          />
          <Group gap="sm">
            <Button onClick={finish} loading={busy === 'finish'}>
              {t('accounts.browserSignIn.finish')}
            </Button>
            <Button variant="subtle" color="gray" onClick={startOver} disabled={busy === 'finish'}>
              {t('accounts.browserSignIn.startOver')}
            </Button>
          </Group>
        </Stack>
      )}
      {/* The status region is there before anything is put in it, so "Signed in as …" is announced. */}
      <Paper withBorder={signedIn !== null} radius="sm" px={signedIn ? 'sm' : 0} py={signedIn ? 6 : 0} bg={signedIn ? 'teal.0' : undefined}>
        <Group gap="sm" justify="space-between" wrap="nowrap" preventGrowOverflow={false}>
          <div role="status" aria-atomic="true" data-testid="browser-sign-in-status">
            {signedIn && (
              <Text size="sm" c="teal.9" fw={500} style={{ overflowWrap: 'anywhere' }}>
                <TemplateText template={t('accounts.browserSignIn.signedInAs', markers('handle', 'name'))} values={{ handle: signedIn.handle, name: signedIn.name }} />
              </Text>
            )}
          </div>
          {signedIn && (
            <Button ref={anotherButton} variant="subtle" size="xs" onClick={startOver} style={{ flexShrink: 0 }}>
              {t('accounts.browserSignIn.another')}
            </Button>
          )}
        </Group>
      </Paper>
    </Stack>
  );
}
