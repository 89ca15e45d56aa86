// The canned-response library searched in the core as the agent types (a short pause between
// keystrokes), for the /shortcut menu and the command palette. The results come with the query
// they answer, so a caller never acts on an older query's results.
import { useEffect, useState } from 'react';
import type { LibraryHit } from '@shared/cannedResponses';
import { useDesk } from '../../app/deskContext';

const SEARCH_DELAY_MS = 60;

export interface CannedSearch {
  query: string | null;
  results: LibraryHit[];
}

/** `query` null: no search (the menu is closed). */
export function useCannedSearch(query: string | null, limit: number): CannedSearch {
  const desk = useDesk();
  const [found, setFound] = useState<CannedSearch>({ query: null, results: [] });
  useEffect(() => {
    if (query === null) return;
    let current = true;
    const timer = setTimeout(() => {
      desk.searchCannedResponses({ query, limit }).then(
        (results) => current && setFound({ query, results }),
        () => current && setFound({ query, results: [] }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [desk, query, limit]);
  return found;
}
