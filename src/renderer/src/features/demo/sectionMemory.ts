// Whether the demo section is open, so it survives a reload.

const OPENED_KEY = 'shiftdesk.demoControlsOpen';

export function readDemoOpened(): boolean {
  try {
    return sessionStorage.getItem(OPENED_KEY) !== '0';
  } catch {
    return true;
  }
}

export function writeDemoOpened(opened: boolean): void {
  try {
    sessionStorage.setItem(OPENED_KEY, opened ? '1' : '0');
  } catch {
    // Not essential.
  }
}
