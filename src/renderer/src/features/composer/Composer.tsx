// The reply box of the open conversation. The draft autosaves as the agent types (and at once
// on blur, on leaving the conversation or the page); an unconfirmed draft is also kept on this
// computer. Ctrl/Cmd+Enter or Send replies, even while the platform is down: the core queues it.
// A reply is sent with a client id (the same one again after a lost answer), and text being
// sent, or that may have been sent, is never saved back as a draft (see replySender.ts).
// Replying to a listening hit takes it into the inbox first (the box says so): a reply means the
// desk is answering it, and it must not stay behind in the Listening queue.
// Typing /shortcut (or the Responses button) offers the canned-response library; the reply is
// measured the way its platform counts and is not sent while too long or while a variable of a
// canned response is left unfilled.
import { Button, Group, Text, Textarea } from '@mantine/core';
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findShortcutQuery } from '@shared/cannedResponses';
import { MAX_BODY_LENGTH, type Desk } from '@shared/contract';
import type { Platform } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { DISCONNECTED } from '../../bridge/rpcClient';
import { FOCUS_TARGETS, focusTarget } from '../../app/focus';
import { SEND_SHORTCUT } from '../../app/modifierKey';
import { isSendKey } from '../../app/shortcuts';
import { showErrorToast } from '../../app/toasts';
import { onInsertRequest } from './composerRequests';
import { DraftAutosaver, type DraftSaveState } from './draftAutosaver';
import { LengthMeter } from './LengthMeter';
import { ReplyIssues } from './ReplyIssues';
import { checkReply, insertAt, underlinesOf } from './replyChecks';
import { ShortcutMenu, optionId } from './ShortcutMenu';
import { UnderlineOverlay } from './UnderlineOverlay';
import { useBrandVoice } from './useBrandVoice';
import { useCannedMenu } from './useCannedMenu';
import { ReplySender, type ReplyOutcome } from './replySender';
import { createUnsavedDrafts } from './unsavedDrafts';
import { DraftTranslation } from '../translation/DraftTranslation';
import { DraftNotSavedError, saveBeforeRestart } from '../updates/beforeRestart';
import classes from './Composer.module.css';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const unsavedDrafts = createUnsavedDrafts(localStorageOrNull());

// One sender per core connection, outliving the composers: a send started in a conversation the
// agent has left still guards that conversation and settles its local copies.
const senders = new WeakMap<Desk, ReplySender>();
function replySenderFor(desk: Desk): ReplySender {
  let sender = senders.get(desk);
  if (!sender) {
    sender = new ReplySender({
      send: (input) => desk.sendReply(input),
      newClientId: () => crypto.randomUUID(),
      storage: localStorageOrNull(),
      unsavedDrafts,
    });
    senders.set(desk, sender);
  }
  return sender;
}

export interface ComposerProps {
  conversationId: number;
  /** Where the reply goes: its length is counted the way this platform counts. */
  platform: Platform;
  /** The customer's language, as detected. */
  language: string | null;
  /** The account the reply goes out from: its brand voice applies. */
  accountId: string;
  /** The account's own reply limit where its server sets one (a Mastodon instance's). */
  replyLimit?: number | null;
  /** The draft the core has for this conversation. */
  savedDraft: string;
  /** Shown above the box, e.g. that the account is offline and the reply will be queued. */
  notice?: string | null;
  /**
   * Set while the conversation is a listening hit: takes it into the inbox, before the first
   * reply is sent (false: it could not be, and nothing is sent).
   */
  takeIntoInbox?: (() => Promise<boolean>) | undefined;
}

export function Composer({ conversationId, platform, language, accountId, replyLimit, savedDraft, notice, takeIntoInbox }: ComposerProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  // The composer is keyed by conversation: what the core had when it opened is the baseline.
  const [baseline] = useState(savedDraft);
  const [initialBody] = useState(() => unsavedDrafts.get(conversationId) ?? savedDraft);
  const [body, setBody] = useState(initialBody);
  const bodyRef = useRef(initialBody);
  const [saveState, setSaveState] = useState<DraftSaveState>('saved');
  const sender = replySenderFor(desk);
  const sending = useSyncExternalStore(sender.subscribe, () => sender.isSending(conversationId));
  const saverRef = useRef<DraftAutosaver | null>(null);
  const [taking, setTaking] = useState(false);
  const takingRef = useRef(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const listId = useId();
  const shortcut = caret === null ? null : findShortcutQuery(body, caret);
  const menu = useCannedMenu(desk, conversationId, shortcut);
  const brandVoice = useBrandVoice(accountId);
  const checks = useMemo(
    () => checkReply({ body, platform, language: menu.replyLanguage ?? language, brandVoice, lengthOptions: { mastodonLimit: replyLimit ?? undefined } }),
    [body, platform, language, menu.replyLanguage, brandVoice, replyLimit],
  );
  const underlines = useMemo(() => underlinesOf(checks), [checks]);

  useEffect(() => {
    const saver = new DraftAutosaver(baseline, {
      save: (text) => desk.saveDraft({ conversationId, body: text }),
      onStateChange: setSaveState,
      onSaved: (text) => unsavedDrafts.forget(conversationId, text),
    });
    saverRef.current = saver;
    const text = bodyRef.current;
    const pending = sender.pending(conversationId);
    if (pending && pending.body !== text) sender.forget(conversationId);
    // Being sent, or maybe sent before a reload: not a draft unless the agent edits it.
    if (sender.isHeld(conversationId, text)) saver.hold(text);
    // Text kept on this computer from an earlier session that never reached the core.
    else if (text !== baseline) saver.update(text);
    const offSettled = sender.onSettled((id, outcome) => {
      if (id !== conversationId) return;
      if (outcome.kind === 'sent') {
        if (bodyRef.current !== outcome.body) return;
        saver.markSent();
        bodyRef.current = '';
        setBody('');
      } else if (!outcome.uncertain) {
        // The core refused it: nothing was recorded, the text is a draft again.
        saver.release();
      }
    });
    const flush = () => void saver.flush();
    // "Restart to update" stops the core: this draft reaches it first, or the restart waits.
    const offRestart = saveBeforeRestart(async () => {
      await saver.flush();
      if (saver.state !== 'saved' && saver.state !== 'held') throw new DraftNotSavedError(`The draft of conversation ${conversationId} could not be saved`);
    });
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      offSettled();
      offRestart();
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      if (saverRef.current === saver) saverRef.current = null;
      void saver.dispose();
    };
  }, [desk, sender, conversationId, baseline]);

  const change = (text: string) => {
    bodyRef.current = text;
    setBody(text);
    if (text === '') {
      unsavedDrafts.forget(conversationId);
      menu.forgetReplyLanguage();
    }
    else unsavedDrafts.remember(conversationId, text);
    saverRef.current?.update(text);
  };

  const placeCaret = (position: number) => {
    setCaret(position);
    requestAnimationFrame(() => {
      const el = textareaRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(position, position);
    });
  };

  const inserting = useRef(false);

  /** Inserts the menu's response in place of the /shortcut typed, if it is still there when the response is ready. */
  const insertResponse = async (index: number) => {
    if (!shortcut || inserting.current) return;
    inserting.current = true;
    try {
      const prepared = await menu.prepare(index);
      const text = bodyRef.current;
      // The agent may have typed on while it was prepared: only the same /shortcut is replaced.
      if (!prepared || text.slice(shortcut.start, shortcut.end) !== `/${shortcut.token}`) return;
      const { text: next, caret: at } = insertAt(text, shortcut.start, shortcut.end, prepared.text);
      change(next);
      placeCaret(at);
      menu.inserted(prepared);
    } finally {
      inserting.current = false;
    }
  };

  // The command palette inserts at the caret the box last had (the browser keeps it after blur).
  const insertFromPalette = useEffectEvent(async (responseId: string) => {
    if (sender.isSending(conversationId) || takingRef.current || inserting.current) return;
    inserting.current = true;
    try {
      const prepared = await desk.prepareCannedReply({ id: responseId, conversationId });
      const text = bodyRef.current;
      const el = textareaRef.current;
      const start = Math.min(el?.selectionStart ?? text.length, text.length);
      const end = Math.min(Math.max(el?.selectionEnd ?? text.length, start), text.length);
      const separated = start > 0 && !/\s/u.test(text[start - 1]!) ? ` ${prepared.text}` : prepared.text;
      const { text: next, caret: at } = insertAt(text, start, end, separated);
      change(next);
      placeCaret(at);
      menu.inserted(prepared);
    } catch (error) {
      showErrorToast(t('composer.insertFailed'), describeError(t, error));
    } finally {
      inserting.current = false;
    }
  });
  useEffect(() => onInsertRequest((id) => void insertFromPalette(id)), []);

  /** The Responses button: a slash at the caret opens the library there. */
  const openResponses = () => {
    const el = textareaRef.current;
    const text = bodyRef.current;
    const at = el ? el.selectionStart : text.length;
    const slash = at > 0 && !/\s/u.test(text[at - 1]!) ? ' /' : '/';
    change(text.slice(0, at) + slash + text.slice(at));
    placeCaret(at + slash.length);
  };

  const send = async () => {
    const text = bodyRef.current;
    // One send per conversation: a double click or a second Ctrl+Enter does nothing.
    if (text.trim() === '' || sender.isSending(conversationId) || takingRef.current) return;
    if (checks.blocked) {
      showErrorToast(t('composer.notSent'), checks.length.over ? t('composer.notSentLength') : t('composer.notSentVariables'));
      return;
    }
    if (takeIntoInbox) {
      // The box is read-only meanwhile: what is sent is what the agent saw when sending.
      takingRef.current = true;
      setTaking(true);
      try {
        if (!(await takeIntoInbox())) return;
      } finally {
        takingRef.current = false;
        setTaking(false);
      }
    }
    // From now on this text is not saved as a draft (blur, leaving, closing the page).
    saverRef.current?.hold(text);
    const outcome = await sender.send(conversationId, text);
    if (outcome?.kind === 'failed') showSendError(outcome);
  };

  const showSendError = (outcome: Extract<ReplyOutcome, { kind: 'failed' }>) => {
    const { error } = outcome;
    const neverSent = error instanceof Error && error.name === DISCONNECTED;
    if (outcome.uncertain && !neverSent) showErrorToast(t('errors.sendUncertain'), t('errors.sendUncertainHint'));
    else showErrorToast(t('errors.send'), describeError(t, error));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (menu.open && shortcut) {
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        menu.move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && plain && menu.results.length > 0) {
        event.preventDefault();
        void insertResponse(menu.active);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        menu.dismiss(shortcut.start);
        return;
      }
    }
    if (isSendKey(event)) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.currentTarget.blur();
      focusTarget('list');
    }
  };

  const hasText = body.trim() !== '';
  const busy = sending || taking;
  const saveText = busy
    ? t('composer.sending')
    : saveState === 'held'
      ? t('composer.draftHeld')
      : saveState === 'failed'
        ? t('composer.draftUnsaved')
        : saveState === 'saving' || saveState === 'pending'
          ? t('composer.draftSaving')
          : hasText
            ? t('composer.draftSaved')
            : '';

  return (
    <div className={classes.composer}>
      {takeIntoInbox && (
        <Text size="xs" c="indigo.8" mb={6} role="note" data-testid="composer-listening-notice">
          {t('composer.listeningNotice')}
        </Text>
      )}
      {notice && (
        <Text size="xs" c="orange.8" mb={6} role="note">
          {notice}
        </Text>
      )}
      <DraftTranslation body={body} language={language} onReplace={change} disabled={busy} />
      {menu.open && shortcut && (menu.results.length > 0 || menu.settled) && (
        <ShortcutMenu
          listId={listId}
          query={shortcut.query}
          results={menu.results}
          active={menu.active}
          preview={menu.preview}
          onPick={(i) => void insertResponse(i)}
          onHover={menu.setActive}
        />
      )}
      <div className={classes.field}>
      <Textarea
        ref={textareaRef}
        id={FOCUS_TARGETS.composer}
        aria-label={t('composer.label')}
        aria-description={t('composer.description')}
        aria-autocomplete="list"
        aria-controls={menu.open && menu.results.length > 0 ? listId : undefined}
        aria-activedescendant={menu.open && menu.results.length > 0 ? optionId(listId, menu.active) : undefined}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart === e.currentTarget.selectionEnd ? e.currentTarget.selectionStart : null)}
        placeholder={t('composer.placeholder', { shortcut: SEND_SHORTCUT })}
        value={body}
        onChange={(e) => {
          change(e.currentTarget.value);
          setCaret(e.currentTarget.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          void saverRef.current?.flush();
          setCaret(null);
        }}
        readOnly={busy}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={MAX_BODY_LENGTH}
        dir="auto"
      />
        <UnderlineOverlay target={textareaRef} text={body} underlines={underlines} />
      </div>
      <ReplyIssues checks={checks} toneHints={brandVoice?.toneHints} />
      <Group justify="space-between" mt={6} wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <LengthMeter platform={platform} length={checks.length} />
          <Text size="xs" c={saveState === 'failed' || (saveState === 'held' && !sending) ? 'orange.8' : 'dimmed'} data-draft-state={saveState}>
            {saveText}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={openResponses} disabled={busy} title={t('composer.responsesHint')}>
            {t('composer.responses')}
          </Button>
          <Button size="xs" onClick={() => void send()} disabled={!hasText || checks.blocked} loading={busy} title={SEND_SHORTCUT}>
            {t('composer.send')}
          </Button>
        </Group>
      </Group>
    </div>
  );
}
