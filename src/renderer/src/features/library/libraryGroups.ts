// The library screen's list: search hits grouped by folder, the folders in the order of their
// best hit (so the best match stays on top), the hits in rank order inside each folder.
import type { LibraryHit } from '@shared/cannedResponses';

export interface FolderGroup {
  /** '' for the top level. */
  folder: string;
  hits: LibraryHit[];
}

export function groupByFolder(hits: readonly LibraryHit[]): FolderGroup[] {
  const groups = new Map<string, FolderGroup>();
  for (const hit of hits) {
    const folder = hit.response.folder;
    let group = groups.get(folder);
    if (!group) groups.set(folder, (group = { folder, hits: [] }));
    group.hits.push(hit);
  }
  return [...groups.values()];
}

/** Every language and platform the variants are written for; null stands for "any". */
export function variantCoverage(hit: LibraryHit): { languages: (string | null)[]; platforms: (string | null)[] } {
  const unique = <T>(items: T[]) => [...new Set(items)];
  return {
    languages: unique(hit.response.variants.map((v) => v.language)),
    platforms: unique(hit.response.variants.map((v) => v.platform)),
  };
}
