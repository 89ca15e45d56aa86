// The route (selected queue and conversation) kept in location.hash.
import { useCallback, useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from './route';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  window.addEventListener('popstate', listener);
  window.addEventListener(ROUTE_EVENT, listener);
  return () => {
    window.removeEventListener('hashchange', listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener(ROUTE_EVENT, listener);
  };
}

const ROUTE_EVENT = 'shiftdesk:route';
let cachedHash: string | null = null;
let cachedRoute: Route = parseRoute('');

function getRoute(): Route {
  const hash = window.location.hash;
  if (hash !== cachedHash) {
    cachedHash = hash;
    cachedRoute = parseRoute(hash);
  }
  return cachedRoute;
}

/** Goes to a route (or to one made from the current route), adding a history entry unless replace. */
export type Navigate = (to: Route | ((current: Route) => Route), options?: { replace?: boolean }) => void;

export function useRoute(): [Route, Navigate] {
  const route = useSyncExternalStore(subscribe, getRoute);
  const navigate = useCallback<Navigate>((to, options) => {
    const next = typeof to === 'function' ? to(getRoute()) : to;
    const hash = formatRoute(next);
    if (hash === window.location.hash) return;
    if (options?.replace) window.history.replaceState(window.history.state, '', hash);
    else window.history.pushState(null, '', hash);
    window.dispatchEvent(new Event(ROUTE_EVENT));
  }, []);
  return [route, navigate];
}

/** The open conversation right now (for event handlers). */
export const getRouteConversation = (): number | null => getRoute().conversationId;
