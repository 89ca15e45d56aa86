// js-yaml 4 ships no types; this is the one function we use (electron-updater reads its
// manifests with the same parser, so we read them as it does).
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string; json?: boolean }): unknown;
}
