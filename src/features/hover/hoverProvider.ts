/**
 * Glossary hovers in every language: the term under the cursor, its definition and exam tip, with
 * command links to its note and to review it as a flashcard. Only those two commands are trusted.
 */
import * as vscode from 'vscode';
import type { GlossaryEntry } from '../../core/content/schema';
import { Commands } from '../../vscode/commands';
import type { Services } from '../../vscode/services';

/** Lines longer than this are not looked at (minified files). */
const MAX_LINE = 5000;

export class GlossaryHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const { hover } = this.services.config.current;
    if (!hover.enabled || hover.disabledLanguages.includes(doc.languageId)) return undefined;
    const line = doc.lineAt(pos.line).text;
    if (line.length > MAX_LINE) return undefined;
    const core = this.services.content.ready ?? (await this.services.content.core());
    const match = core.termAt(line, pos.character);
    if (!match) return undefined;
    return new vscode.Hover(entryMarkdown(match.entry, core.hoverMarkdown(match.entry)), new vscode.Range(pos.line, match.start, pos.line, match.end));
  }
}

/** The hover body: the entry's hover text (definition, tip, spellings), and trusted command links. */
export function entryMarkdown(entry: GlossaryEntry, text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [Commands.openGlossaryEntry, Commands.reviewTerm] };
  md.supportHtml = false;
  md.appendMarkdown(escapeCommandLinks(text));
  const links: string[] = [];
  if (entry.note) links.push(`[$(book) Open note](${commandUri(Commands.openGlossaryEntry, entry.id)} "Open the note that teaches ${entry.term}")`);
  links.push(`[$(mortar-board) Review as flashcard](${commandUri(Commands.reviewTerm, entry.id)} "Review ${entry.term} as a flashcard")`);
  md.appendMarkdown(`\n\n---\n\n${links.join(' · ')}`);
  return md;
}

function commandUri(command: string, arg: string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`;
}

/** Content text must not smuggle in command links of its own. */
function escapeCommandLinks(text: string): string {
  return text.replace(/\]\(command:/gi, '](#command-');
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-notebook-cell' }], new GlossaryHoverProvider(services)),
  );
}
