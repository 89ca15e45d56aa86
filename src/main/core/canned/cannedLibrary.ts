// The team's canned-response library: saved whole and validated (shortcuts unique, includes that
// resolve without cycles), searched as the agent types (full text, then ranked by match, this
// agent's usage and recency), counted when inserted, imported and exported as JSON or CSV.
import {
  CannedTemplateError,
  expandIncludes,
  exportCsv,
  exportJson,
  importCsv,
  importJson,
  libraryLookup,
  normalizeShortcut,
  rankResponses,
  type CannedResponse,
  type LibraryHit,
} from '@shared/cannedResponses';
import { conflict, invalidInput, notFound } from '@shared/errors';
import type { EventBus } from '../events';
import type { Clock } from '../ports';
import type { Repos } from '../repos';

export class CannedLibrary {
  constructor(private readonly deps: { repos: Repos; clock: Clock; events: EventBus }) {}

  private get repo() {
    return this.deps.repos.canned;
  }

  private selfId(): string {
    return this.deps.repos.workspace.selfAgent().id;
  }

  /** Matching responses, best first, with this agent's use; an empty query lists the library by this agent's use. */
  search(query: string, limit: number): LibraryHit[] {
    const candidates = query.trim().replace(/^\//, '') ? this.repo.search(query, 500) : this.repo.list();
    const usage = this.repo.usage(this.selfId());
    return rankResponses(candidates, query, usage)
      .slice(0, limit)
      .map((hit) => ({ ...hit, usage: usage.get(hit.response.id) ?? { count: 0, lastUsedAt: null } }));
  }

  list(): CannedResponse[] {
    return this.repo.list();
  }

  save(input: CannedResponse): CannedResponse {
    const now = this.deps.clock.now();
    const previous = this.repo.list().find((r) => r.id === input.id);
    const response: CannedResponse = { ...input, createdAt: previous?.createdAt ?? now, updatedAt: now };
    this.check([response]);
    this.repo.save(response);
    this.changed();
    return response;
  }

  remove(id: string): void {
    if (!this.repo.remove(id)) throw notFound(`Canned response ${id}`);
    this.changed();
  }

  /** The agent inserted it into a reply: it ranks higher for them next time. */
  recordUse(id: string): void {
    if (!this.repo.exists(id)) throw notFound(`Canned response ${id}`);
    this.repo.recordUse(id, this.selfId(), this.deps.clock.now());
  }

  import(format: 'json' | 'csv', text: string): { imported: number } {
    const result = format === 'json' ? importJson(text) : importCsv(text, { now: this.deps.clock.now() });
    if (!result.ok) throw invalidInput(result.errors.map((e) => e.message).join('\n'));
    this.check(result.responses);
    this.repo.saveAll(result.responses);
    this.changed();
    return { imported: result.responses.length };
  }

  export(format: 'json' | 'csv'): { text: string } {
    const responses = this.repo.list();
    return { text: format === 'json' ? exportJson(responses, this.deps.clock.now()) : exportCsv(responses) };
  }

  /**
   * Shortcuts stay unique across the library, and every include resolves (in every language
   * and platform variant) without a cycle.
   */
  private check(incoming: CannedResponse[]): void {
    const ids = new Set(incoming.map((r) => r.id));
    const library = [...this.repo.list().filter((r) => !ids.has(r.id)), ...incoming];
    const owners = new Map<string, CannedResponse>();
    for (const r of library) {
      const key = normalizeShortcut(r.shortcut);
      const other = owners.get(key);
      if (other) throw conflict(`The shortcut /${r.shortcut} is used by both “${other.title}” and “${r.title}”`);
      owners.set(key, r);
    }
    const lookup = libraryLookup(library);
    for (const r of incoming) {
      for (const variant of r.variants) {
        try {
          expandIncludes(r, lookup, { language: variant.language, platform: variant.platform });
        } catch (error) {
          if (error instanceof CannedTemplateError) throw invalidInput(`“${r.title}”: ${error.message}`);
          throw error;
        }
      }
    }
  }

  private changed(): void {
    this.deps.events.emit('changes', { tables: ['canned'], conversationIds: [] });
  }
}
