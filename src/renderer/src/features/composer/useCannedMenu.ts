// The state of the /shortcut menu: the library searched as the agent types, the highlighted
// response made ready for this conversation (cached per response), and a menu the agent closed
// with Escape staying closed until the slash it was opened at is gone.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PreparedReply, ShortcutQuery } from '@shared/cannedResponses';
import type { Desk } from '@shared/contract';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describeError';
import { moveActive } from './replyChecks';
import { useCannedSearch } from './useCannedSearch';

const MAX_RESULTS = 8;

export function useCannedMenu(desk: Desk, conversationId: number, shortcut: ShortcutQuery | null) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ id: string; reply: PreparedReply | { error: string } } | null>(null);
  // The language of the last response inserted: brand-voice slang lists follow the reply's language.
  const [replyLanguage, setReplyLanguage] = useState<string | null>(null);
  const prepared = useRef(new Map<string, Promise<PreparedReply>>());

  const query = shortcut?.query ?? null;
  const open = shortcut !== null && dismissedAt !== shortcut.start;

  // The slash is gone: a later one opens the menu again (state adjusted while rendering).
  if (shortcut === null && dismissedAt !== null) setDismissedAt(null);

  const found = useCannedSearch(open ? query : null, MAX_RESULTS);
  const results = open && found.query === query ? found.results : [];
  // A new list: the first response is highlighted.
  const [listSeen, setListSeen] = useState(found);
  if (listSeen !== found) {
    setListSeen(found);
    setActive(0);
  }

  const prepareById = useCallback(
    (id: string): Promise<PreparedReply> => {
      let promise = prepared.current.get(id);
      if (!promise) {
        promise = desk.prepareCannedReply({ id, conversationId });
        // A failure is not cached: the library may be fixed meanwhile.
        promise.catch(() => prepared.current.delete(id));
        prepared.current.set(id, promise);
      }
      return promise;
    },
    [desk, conversationId],
  );

  const activeId = open ? results[active]?.response.id : undefined;
  useEffect(() => {
    if (!activeId) return;
    let current = true;
    prepareById(activeId).then(
      (reply) => current && setPreview({ id: activeId, reply }),
      (error: unknown) => current && setPreview({ id: activeId, reply: { error: describeError(t, error) } }),
    );
    return () => {
      current = false;
    };
  }, [activeId, prepareById, t]);

  return {
    open,
    results,
    /** The results answer the query typed (until then the menu waits rather than say "no match"). */
    settled: found.query === query,
    active,
    preview: open && preview && preview.id === activeId ? preview.reply : null,
    replyLanguage,
    setActive,
    move: (delta: number) => setActive((i) => Math.max(0, moveActive(i, delta, results.length))),
    dismiss: (slashAt: number) => setDismissedAt(slashAt),
    /** The box was emptied: the next reply's language is the customer's again. */
    forgetReplyLanguage: () => setReplyLanguage(null),
    /** The highlighted (or given) response ready to insert; null when it cannot be prepared. */
    async prepare(index: number): Promise<PreparedReply | null> {
      const id = results[index]?.response.id;
      if (!id) return null;
      try {
        return await prepareById(id);
      } catch (error) {
        setPreview({ id, reply: { error: describeError(t, error) } });
        return null;
      }
    },
    inserted(reply: PreparedReply) {
      setReplyLanguage(reply.language);
      setDismissedAt(null);
      // Prepared afresh next time: the library or the conversation may change meanwhile.
      prepared.current.clear();
      // Counted for ranking; a lost count is not worth bothering the agent.
      desk.recordCannedUse({ id: reply.responseId }).catch(() => undefined);
    },
  };
}
