// The runtime settings audit: which of a web contents' preferences make it unsafe to keep. Pure;
// hardening.ts runs it on every web contents and webview (ours or not) and refuses any that fail.
import { resolve } from 'node:path';
import type { WebPreferences } from 'electron';

export type WebPreferencesViolation =
  | 'context-isolation-off'
  | 'sandbox-off'
  | 'node-integration'
  | 'node-integration-in-worker'
  | 'node-integration-in-sub-frames'
  | 'web-security-off'
  | 'insecure-content-allowed'
  | 'webview-tag'
  | 'experimental-features'
  | 'blink-features'
  | 'foreign-preload';

export type AuditedPreferences = Pick<
  WebPreferences,
  | 'contextIsolation'
  | 'sandbox'
  | 'nodeIntegration'
  | 'nodeIntegrationInWorker'
  | 'nodeIntegrationInSubFrames'
  | 'webSecurity'
  | 'allowRunningInsecureContent'
  | 'webviewTag'
  | 'experimentalFeatures'
  | 'enableBlinkFeatures'
  | 'preload'
>;

export interface AuditOptions {
  /** Absolute paths of the app's own preload scripts: any other preload is a violation. */
  ourPreloads: readonly string[];
}

/**
 * Every violation, in a stable order. A missing key counts as Electron's default (Electron 20+:
 * contextIsolation and sandbox on, unless nodeIntegration turns the sandbox off).
 */
export function auditWebPreferences(prefs: AuditedPreferences, { ourPreloads }: AuditOptions): WebPreferencesViolation[] {
  const violations: WebPreferencesViolation[] = [];
  if (prefs.contextIsolation === false) violations.push('context-isolation-off');
  if (prefs.sandbox === false || (prefs.sandbox === undefined && prefs.nodeIntegration === true)) violations.push('sandbox-off');
  if (prefs.nodeIntegration === true) violations.push('node-integration');
  if (prefs.nodeIntegrationInWorker === true) violations.push('node-integration-in-worker');
  if (prefs.nodeIntegrationInSubFrames === true) violations.push('node-integration-in-sub-frames');
  if (prefs.webSecurity === false) violations.push('web-security-off');
  if (prefs.allowRunningInsecureContent === true) violations.push('insecure-content-allowed');
  if (prefs.webviewTag === true) violations.push('webview-tag');
  if (prefs.experimentalFeatures === true) violations.push('experimental-features');
  if (typeof prefs.enableBlinkFeatures === 'string' && prefs.enableBlinkFeatures.trim() !== '') violations.push('blink-features');
  if (typeof prefs.preload === 'string' && prefs.preload !== '' && !isOurPreload(prefs.preload, ourPreloads)) violations.push('foreign-preload');
  return violations;
}

function isOurPreload(preload: string, ourPreloads: readonly string[]): boolean {
  return ourPreloads.some((ours) => resolve(ours) === resolve(preload));
}
