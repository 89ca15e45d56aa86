// The right-click menu of the app's window: spelling suggestions in the reply composer (the
// window has spellcheck on, and Electron shows no menu by itself), edit commands, copy link.
import { BrowserWindow, clipboard, Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { safeExternalUrl } from './externalLinks';

const MAX_SUGGESTIONS = 6;

function items(contents: WebContents, params: ContextMenuParams): MenuItemConstructorOptions[] {
  const menu: MenuItemConstructorOptions[] = [];
  const separate = () => {
    if (menu.length > 0 && menu.at(-1)!.type !== 'separator') menu.push({ type: 'separator' });
  };

  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    for (const word of suggestions) menu.push({ label: word, click: () => contents.replaceMisspelling(word) });
    if (suggestions.length === 0) menu.push({ label: 'No spelling suggestions', enabled: false });
    menu.push({
      label: 'Add to Dictionary',
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
    menu.push({ label: 'Copy Link Address', click: () => clipboard.writeText(link) });
  }
  return menu;
}

export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = items(contents, params);
    if (template.length === 0) return;
    Menu.buildFromTemplate(template).popup({ window: BrowserWindow.fromWebContents(contents) ?? undefined });
  });
}
