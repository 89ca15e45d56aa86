// Security settings of every web contents and of the session: the runtime settings audit, no
// webviews, no new windows (http(s) and mailto links go to the system browser or mail client), no
// navigation away from the app, no permission but notifications, and the app's CSP as a response
// header.
import { BrowserWindow, shell, type HandlerDetails, type Session, type WebContents, type WindowOpenHandlerResponse } from 'electron';
import { checkExternalLink } from '@shared/externalLinkPolicy';
import type { Logger } from '../core/ports';
import { isAppUrl, type AppLocation } from './appLocation';
import { contentSecurityPolicy, isPermissionAllowed, withContentSecurityPolicy } from './policy';
import { auditWebPreferences, type AuditedPreferences } from './webPreferencesAudit';

const DENY: WindowOpenHandlerResponse = { action: 'deny' };

/** Opens a link the policy allows (@shared/externalLinkPolicy) outside the app; anything else is refused and logged with the reason. */
export function openExternalLink(raw: string, logger: Logger): boolean {
  const decision = checkExternalLink(raw);
  if (!decision.ok) {
    logger.warn('refused to open a link', { reason: decision.reason, url: JSON.stringify(String(raw).slice(0, 200)) });
    return false;
  }
  const { url } = decision;
  shell.openExternal(url).catch((error: unknown) => logger.warn('could not open a link', { url, error: String(error) }));
  return true;
}

export interface AnyWebContentsOptions {
  logger: Logger;
  /** Absolute paths of the app's preload scripts; any other preload fails the audit. */
  ourPreloads: readonly string[];
  /** Closes a web contents that failed the audit (default: destroys its window, or closes it). */
  refuse?(contents: WebContents): void;
}

/** Electron has no typed accessor for a live web contents' preferences; this one exists since Electron 9. */
type WithPreferences = WebContents & { getLastWebPreferences?: () => AuditedPreferences | null };

function closeWebContents(contents: WebContents): void {
  const window = BrowserWindow.fromWebContents(contents);
  if (window) window.destroy();
  else if (!contents.isDestroyed()) contents.close();
}

/**
 * For every web contents ever created (app.on('web-contents-created'), ours or not): its settings
 * audited when created and again when its main frame starts a navigation (preferences may only be
 * readable once the renderer exists), refused on any violation; no webviews, no popups.
 */
export function hardenAnyWebContents(contents: WebContents, { logger, ourPreloads, refuse = closeWebContents }: AnyWebContentsOptions): void {
  let refused = false;
  const audit = (moment: string) => {
    if (refused) return;
    const prefs = (contents as WithPreferences).getLastWebPreferences?.() ?? null;
    if (!prefs) {
      logger.warn('could not read the preferences of a web contents', { moment });
      return;
    }
    const violations = auditWebPreferences(prefs, { ourPreloads });
    if (violations.length === 0) return;
    refused = true;
    logger.error('refused a web contents with unsafe settings', { moment, violations, url: safeUrl(contents) });
    refuse(contents);
  };
  audit('created');
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame) audit('navigation');
  });
  contents.on('will-attach-webview', (event, webPreferences) => {
    event.preventDefault();
    const violations = auditWebPreferences(webPreferences, { ourPreloads });
    logger.warn('refused to attach a webview', { violations });
  });
  contents.setWindowOpenHandler(() => DENY);
}

function safeUrl(contents: WebContents): string | null {
  try {
    return contents.getURL().slice(0, 200);
  } catch {
    return null;
  }
}

/**
 * For the app's own window: window.open / target=_blank links the link policy allows open outside,
 * and every navigation that does not stay on the app's page is cancelled.
 */
export function guardAppWebContents(contents: WebContents, location: AppLocation, logger: Logger): void {
  contents.setWindowOpenHandler(({ url }: HandlerDetails) => {
    openExternalLink(url, logger);
    return DENY;
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isSameDocument || isAppUrl(location, event.url)) return;
    event.preventDefault();
    logger.warn('refused a navigation', { url: event.url.slice(0, 200), mainFrame: event.isMainFrame });
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(location, event.url)) return;
    event.preventDefault();
    logger.warn('refused a redirect', { url: event.url.slice(0, 200) });
  });
}

export interface SessionPolicyOptions {
  location: AppLocation;
  /** True for the web contents of the app's own windows. */
  isAppContents(contents: WebContents | null): boolean;
  logger: Logger;
}

export function applySessionPolicy(session: Session, { location, isAppContents, logger }: SessionPolicyOptions): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    const allowed = isPermissionAllowed(permission) && isAppContents(contents);
    if (!allowed) logger.info('refused a permission request', { permission });
    callback(allowed);
  });
  session.setPermissionCheckHandler((contents, permission) => isPermissionAllowed(permission) && isAppContents(contents));
  session.setDevicePermissionHandler(() => false);

  const policy = contentSecurityPolicy(location.kind === 'dev-server' ? location.url : undefined);
  // Documents only: a CSP header on a script or an image has no effect. (app:// responses carry
  // the same header from appProtocol.ts; this covers the dev server.)
  session.webRequest.onHeadersReceived((details, callback) => {
    const document = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    if (document && isAppUrl(location, details.url)) {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
    } else {
      callback({});
    }
  });
}
