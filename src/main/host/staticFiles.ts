// Serves the built renderer. Which file a path names is decided by core/rendererFiles.ts (the same
// rules as the desktop app's app:// protocol): only regular files inside the root.
import { readFile } from 'node:fs/promises';
import { resolveRendererFile } from '../core/rendererFiles';

/** The file a URL path names under root, or null when it is refused (outside, missing, not a file). */
export async function readStaticFile(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const file = await resolveRendererFile(root, urlPath);
  if (!file.ok) return null;
  try {
    return { body: await readFile(file.filePath), type: file.contentType };
  } catch {
    return null;
  }
}
