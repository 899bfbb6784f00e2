/** A QuickPick of decks with their due and new counts: everything, each exam and domain, the learner's notes. */
import * as vscode from 'vscode';
import type { DeckScope } from '../../core/cards/types';
import { cardsLabel } from '../../core/cards/count';
import type { FlashcardService } from './cardService';

type Item = vscode.QuickPickItem & { scope?: DeckScope };

export async function pickDeck(service: FlashcardService, title: string): Promise<DeckScope | undefined> {
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = title;
  qp.placeholder = 'Choose a deck';
  qp.busy = true;
  qp.items = [{ label: '$(loading~spin) Loading your cards…' }];
  qp.show();
  const picked = new Promise<DeckScope | undefined>((resolve) => {
    qp.onDidAccept(() => { const s = qp.selectedItems[0]?.scope; if (s) { resolve(s); qp.hide(); } });
    qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
  });
  try {
    qp.items = await deckItems(service);
    qp.busy = false;
  } catch {
    qp.items = [{ label: '$(error) The cards could not be loaded. See the AWS ML Study output channel.' }];
    qp.busy = false;
  }
  return picked;
}

async function deckItems(service: FlashcardService): Promise<Item[]> {
  const all = await service.deck({ kind: 'all' });
  const core = service.core!;
  const describe = (cards: typeof all) => {
    const c = service.counts(cards);
    return `${c.due} due · ${c.newToday} new today · ${cardsLabel(c.total)}`;
  };
  const items: Item[] = [{ label: '$(layers) Everything', description: describe(all), scope: { kind: 'all' } }];
  for (const exam of core.content.exams) {
    items.push({ label: exam.code, kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: `$(mortar-board) ${exam.code} · all domains`, description: describe(await service.deck({ kind: 'exam', exam: exam.id })), scope: { kind: 'exam', exam: exam.id } });
    for (const d of exam.domains) {
      const m = service.domainMastery(exam.id, d.number).value;
      items.push({
        label: `Domain ${d.number}: ${d.name}`,
        description: `${describe(service.domainCards(exam.id, d.number))}${m === undefined ? '' : ` · ${Math.round(m * 100)}% mastery`}`,
        scope: { kind: 'domain', exam: exam.id, domain: d.number },
      });
    }
  }
  items.push({ label: 'Your notes', kind: vscode.QuickPickItemKind.Separator });
  const mine = await service.deck({ kind: 'myNotes' });
  items.push({ label: '$(notebook) My notes', description: mine.length ? describe(mine) : 'no cards yet: write question::answer lines', scope: { kind: 'myNotes' } });
  return items;
}
