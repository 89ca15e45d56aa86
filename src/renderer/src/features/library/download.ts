// Saves text as a file from the renderer (browser mode and Electron alike): a Blob behind a
// temporary link, released once the download has started.
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** An import's format from the file's name, or from its first character when the name does not say. */
export function importFormat(fileName: string, text: string): 'json' | 'csv' {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

/** "shiftdesk-library-2026-11-23.json", dated in the agent's own time zone. */
export function exportFileName(format: 'json' | 'csv', now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `shiftdesk-library-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${format}`;
}
