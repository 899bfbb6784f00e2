/**
 * A deck as a tab-separated text file that Anki imports (File > Import): the file headers tell
 * Anki the separator, that fields hold HTML, the note type, the deck, and which columns are the
 * GUID and the tags, so importing the same file again updates the notes instead of duplicating.
 */
import { parseTaskRef } from '../content/bundle';
import type { StudyCard } from './types';

export interface AnkiOptions {
  /** Anki deck name; `::` nests decks. */
  deck: string;
  /** Markdown of a face to HTML (markdown-it, raw HTML off). */
  render: (markdown: string) => string;
}

export function toAnkiTsv(cards: readonly StudyCard[], o: AnkiOptions): string {
  const header = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#deck:${field(o.deck)}`,
    '#guid column:1',
    '#tags column:4',
    '#columns:GUID\tFront\tBack\tTags',
  ];
  const rows = cards.map((c) => [`aws-ml-study:${c.id}`, field(oneLine(o.render(c.front))), field(oneLine(o.render(c.back))), tags(c).join(' ')].join('\t'));
  return `${[...header, ...rows].join('\n')}\n`;
}

/** Anki reads one note per line: keep line breaks inside <pre> as <br>, drop the rest. */
export function oneLine(html: string): string {
  return html
    .replace(/<pre>([\s\S]*?)<\/pre>/g, (_m, code: string) => `<pre>${code.replace(/\r?\n/g, '<br>')}</pre>`)
    .replace(/\r?\n/g, ' ')
    .trim();
}

/** Tabs would split a field; a leading quote would start Anki's quoted-field syntax. */
function field(s: string): string {
  const flat = s.replace(/\t/g, '    ');
  return flat.startsWith('"') ? `&quot;${flat.slice(1)}` : flat;
}

function tags(card: StudyCard): string[] {
  const out = new Set<string>(['aws-ml-study', `source::${card.source}`]);
  for (const t of card.tasks) {
    const r = parseTaskRef(t);
    if (r) out.add(`${r.exam.toUpperCase()}::domain-${r.domain}::task-${r.task}`);
  }
  if (card.noteId) out.add(`note::${card.noteId}`);
  return [...out];
}
