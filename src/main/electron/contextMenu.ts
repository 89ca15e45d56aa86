// The right-click menu of the app's window: spelling suggestions in the reply composer (the
// window has spellcheck on, and Electron shows no menu by itself), edit commands, copy link.
import { BrowserWindow, clipboard, Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';
import type { Translate } from '../core/i18n/translator';
import { safeExternalUrl } from '@shared/externalLinkPolicy';

const MAX_SUGGESTIONS = 6;

function items(contents: WebContents, params: ContextMenuParams, t: Translate): MenuItemConstructorOptions[] {
  const menu: MenuItemConstructorOptions[] = [];
  const separate = () => {
    if (menu.length > 0 && menu.at(-1)!.type !== 'separator') menu.push({ type: 'separator' });
  };

  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    for (const word of suggestions) menu.push({ label: word, click: () => contents.replaceMisspelling(word) });
    if (suggestions.length === 0) menu.push({ label: t('contextMenu.noSuggestions'), enabled: false });
    menu.push({
      label: t('contextMenu.addToDictionary'),
      click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord),
    });
    separate();
  }

  if (params.isEditable) {
    const flags = params.editFlags;
    menu.push(
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    menu.push({ role: 'copy' });
  }

  const link = safeExternalUrl(params.linkURL);
  if (link) {
    separate();
    menu.push({ label: t('contextMenu.copyLink'), click: () => clipboard.writeText(link) });
  }
  return menu;
}

/** t: the agent's language at the moment the menu opens. */
export function installContextMenu(contents: WebContents, t: Translate): void {
  contents.on('context-menu', (_event, params) => {
    const template = items(contents, params, t);
    if (template.length === 0) return;
    Menu.buildFromTemplate(template).popup({ window: BrowserWindow.fromWebContents(contents) ?? undefined });
  });
}
