/**
 * Build step: content/ -> dist/content.json (notes parsed into sections and cards, glossary,
 * questions, and the search index prepared ahead of time; the index refers to the notes' sections
 * and glossary entries by number instead of holding their text again). Invalid items are left out
 * here; `cli lint` reports them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadContent } from '../src/core/content/load';
import type { ContentBundle } from '../src/core/content/bundle';
import { SearchIndex } from '../src/core/search/index';
import { bundledDocs } from '../src/core/search/docs';

export function buildBundle(contentDir: string): ContentBundle {
  const c = loadContent(contentDir);
  const glossary = c.glossary.map((g) => g.entry);
  // The index keeps no text: StudyCore makes the same documents again from the notes and glossary below.
  const search = SearchIndex.of(bundledDocs(c.notes.map((n) => n.parsed), glossary));
  return {
    version: 1,
    exams: c.exams,
    notes: c.notes.map((n) => ({
      id: n.id,
      title: n.parsed.title,
      file: n.file,
      tasks: n.tasks,
      exams: n.exams,
      sections: n.parsed.sections,
      cards: n.parsed.cards,
    })),
    glossary,
    questions: c.questions.map((q) => q.question),
    search: search.toJSON(),
  };
}

export function main(contentDir: string, outFile: string): void {
  const bundle = buildBundle(contentDir);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(bundle));
}
