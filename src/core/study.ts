/**
 * The core a learner's tools share (the extension and the CLI): the bundled content, the glossary
 * resolver and the search index, each built on first use.
 */
import Fuse from 'fuse.js';
import type { ContentBundle } from './content/bundle';
import type { GlossaryEntry } from './content/schema';
import { GlossaryResolver, type TermMatch } from './glossary/resolver';
import { SearchIndex, type Respelling, type SearchOptions, type SearchResult } from './search/index';
import { bundledDocs } from './search/docs';

export class StudyCore {
  private _resolver: GlossaryResolver<GlossaryEntry> | undefined;
  private _search: SearchIndex | undefined;
  private _suggest: Fuse<{ id: string; form: string }> | undefined;

  constructor(readonly content: ContentBundle) {}

  get resolver(): GlossaryResolver<GlossaryEntry> {
    return (this._resolver ??= new GlossaryResolver(this.content.glossary));
  }

  get searchIndex(): SearchIndex {
    // The prepared index holds no text: its documents are made again from the notes and glossary.
    return (this._search ??= SearchIndex.fromJSON(this.content.search, bundledDocs(this.content.notes, this.content.glossary)));
  }

  /** The glossary term under a cursor (0-based column). */
  termAt(line: string, col: number): TermMatch<GlossaryEntry> | undefined {
    return this.resolver.resolve(line, col);
  }

  /** The hover text of an entry (markdown), as the editor and the CLI show it. */
  hoverMarkdown(e: GlossaryEntry): string {
    return hoverMarkdown(e);
  }

  /** A glossary entry by id or by any of its spellings. */
  define(term: string): GlossaryEntry | undefined {
    return this.resolver.get(term) ?? this.resolver.lookup(term);
  }

  /** The closest glossary terms to a word that matched none. */
  suggest(term: string, limit = 5): string[] {
    this._suggest ??= new Fuse(
      this.content.glossary.flatMap((e) => [e.term, ...e.aliases].map((form) => ({ id: e.id, form }))),
      { keys: ['form'], threshold: 0.4, ignoreLocation: true },
    );
    const out: string[] = [];
    for (const r of this._suggest.search(term, { limit: limit * 4 })) {
      const t = this.resolver.get(r.item.id)?.term;
      if (t && !out.includes(t)) out.push(t);
      if (out.length >= limit) break;
    }
    return out;
  }

  search(query: string, options?: SearchOptions): SearchResult[] {
    return this.searchIndex.search(query, options);
  }

  /** The query words nothing holds, and what was searched for instead (see SearchIndex.respellings). */
  respellings(query: string): Respelling[] {
    return this.searchIndex.respellings(query);
  }
}

/** The hover text of an entry, as markdown (no HTML). */
export function hoverMarkdown(e: GlossaryEntry): string {
  const parts = [`**${e.term}** · _${e.kind}_`, '', e.definition];
  if (e.tip) parts.push('', `**Exam tip:** ${e.tip}`);
  if (e.aliases.length) parts.push('', `_Also written:_ ${e.aliases.map((a) => `\`${a}\``).join(', ')}`);
  return parts.join('\n');
}
