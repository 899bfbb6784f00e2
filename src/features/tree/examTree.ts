/**
 * The Exams view: exam -> domain (weight, due cards, mastery) -> task statement -> topic note ->
 * its sections. Selecting a topic or section opens the rendered note there. A filter in the view
 * title narrows the tree to topics and sections whose titles match.
 */
import * as vscode from 'vscode';
import { cardsLabel, studyCardCount } from '../../core/cards/count';
import type { BundledNote } from '../../core/content/bundle';
import { parseTaskRef } from '../../core/content/bundle';
import type { Exam } from '../../core/content/schema';
import type { StudyCore } from '../../core/study';
import { Commands } from '../../vscode/commands';
import type { ProgressService } from '../../vscode/progress';
import type { Services } from '../../vscode/services';

export type ExamNode =
  | { kind: 'exam'; exam: Exam }
  | { kind: 'domain'; exam: Exam; domain: Exam['domains'][number] }
  | { kind: 'task'; exam: Exam; domain: number; task: { id: string; title: string } }
  | { kind: 'topic'; note: BundledNote; exam: string; task: string }
  | { kind: 'section'; note: BundledNote; slug: string; title: string; line: number; exam: string; task: string };

export class ExamTreeProvider implements vscode.TreeDataProvider<ExamNode> {
  private readonly emitter = new vscode.EventEmitter<ExamNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private filter = '';

  constructor(private readonly services: Services, private readonly progress: ProgressService) {
    progress.onDidChange(() => this.emitter.fire(undefined));
  }

  setFilter(text: string): void {
    this.filter = text.trim().toLowerCase();
    void vscode.commands.executeCommand('setContext', 'awsMlStudy.treeFiltered', !!this.filter);
    this.emitter.fire(undefined);
  }

  refresh(): void { this.emitter.fire(undefined); }

  async getChildren(node?: ExamNode): Promise<ExamNode[]> {
    const core = await this.services.content.core();
    // Under a filter, an exam with nothing matching is left out; with no exam left the view shows
    // its "no match" welcome content (package.json viewsWelcome, when awsMlStudy.treeFiltered).
    if (!node) return core.content.exams.filter((exam) => this.examMatches(core, exam)).map((exam) => ({ kind: 'exam', exam }));
    switch (node.kind) {
      case 'exam': return [
        ...core.content.notes
          .filter((n) => (n.exams ?? []).includes(node.exam.id) && (!this.filter || this.matches(n.title)))
          .map((note): ExamNode => ({ kind: 'topic', note, exam: node.exam.id, task: 'overview' })),
        ...node.exam.domains
          .filter((domain) => this.domainMatches(core, node.exam, domain.number))
          .map((domain): ExamNode => ({ kind: 'domain', exam: node.exam, domain })),
      ];
      case 'domain': return node.domain.tasks
        .filter((task) => this.topics(core, node.exam.id, task.id).length > 0 || !this.filter)
        .map((task) => ({ kind: 'task', exam: node.exam, domain: node.domain.number, task }));
      case 'task': return this.topics(core, node.exam.id, node.task.id)
        .map((note) => ({ kind: 'topic', note, exam: node.exam.id, task: node.task.id }));
      case 'topic': return node.note.sections
        .filter((s) => s.level >= 2 && s.level <= 3)
        .filter((s) => !this.filter || this.matches(node.note.title) || this.matches(s.title))
        .map((s) => ({ kind: 'section', note: node.note, slug: s.slug, title: s.title, line: s.line, exam: node.exam, task: node.task }));
      default: return [];
    }
  }

  getTreeItem(node: ExamNode): vscode.TreeItem {
    switch (node.kind) {
      case 'exam': return this.examItem(node.exam);
      case 'domain': return this.domainItem(node.exam, node.domain);
      case 'task': {
        const item = new vscode.TreeItem(`${node.task.id} ${node.task.title}`, this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `task:${node.exam.id}:${node.task.id}`;
        item.contextValue = 'task';
        item.iconPath = new vscode.ThemeIcon('checklist');
        item.tooltip = `${node.exam.code} task statement ${node.task.id}: ${node.task.title}`;
        return item;
      }
      case 'topic': {
        const item = new vscode.TreeItem(node.note.title, this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `topic:${node.exam}:${node.task}:${node.note.id}`;
        item.contextValue = 'topic';
        item.iconPath = new vscode.ThemeIcon('book');
        item.description = node.note.cards.length ? cardsLabel(studyCardCount(node.note.cards)) : undefined;
        item.command = { command: Commands.openNote, title: 'Open Note', arguments: [node.note.id] };
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
        // A note can sit under several task statements and both exams: the id names the place.
        item.id = `section:${node.exam}:${node.task}:${node.note.id}:${node.slug}`;
        item.contextValue = 'section';
        item.iconPath = new vscode.ThemeIcon('symbol-text');
        item.command = { command: Commands.openNote, title: 'Open Note', arguments: [node.note.id, node.slug] };
        return item;
      }
    }
  }

  private examItem(exam: Exam): vscode.TreeItem {
    const item = new vscode.TreeItem(`${exam.code} ${exam.name}`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `exam:${exam.id}`;
    item.contextValue = 'exam';
    item.iconPath = new vscode.ThemeIcon('mortar-board');
    item.description = `${exam.questions} questions · ${exam.minutes} min · pass ${exam.passingScore}`;
    item.tooltip = new vscode.MarkdownString(`**${exam.name} (${exam.code})**\n\n${exam.questions} questions (${exam.scored} scored, ${exam.unscored} unscored), ${exam.minutes} minutes, scaled score ${exam.scoreMin}-${exam.scoreMax}, pass at **${exam.passingScore}**.`);
    return item;
  }

  private domainItem(exam: Exam, domain: Exam['domains'][number]): vscode.TreeItem {
    const item = new vscode.TreeItem(`Domain ${domain.number}: ${domain.name}`, this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `domain:${exam.id}:${domain.number}`;
    item.contextValue = 'domain';
    const { due, mastery } = this.progress.summary(exam.id, domain.number);
    const parts = [`${domain.weight}%`];
    if (due) parts.push(`${due} due`);
    parts.push(mastery === undefined ? 'not started' : `${Math.round(mastery * 100)}% mastery`);
    item.description = parts.join(' · ');
    item.iconPath = new vscode.ThemeIcon(mastery === undefined ? 'circle-large-outline' : mastery >= 0.8 ? 'pass-filled' : mastery >= 0.5 ? 'circle-large-filled' : 'warning');
    item.tooltip = `${exam.code} domain ${domain.number}, ${domain.weight}% of the exam. ${due} card(s) due. ${mastery === undefined ? 'No reviews or quiz answers yet.' : `Mastery ${Math.round(mastery * 100)}%.`}`;
    return item;
  }

  private topics(core: StudyCore, exam: string, task: string): BundledNote[] {
    return core.content.notes
      .filter((n) => n.tasks.some((t) => { const r = parseTaskRef(t); return r?.exam === exam && r.task === task; }))
      .filter((n) => !this.filter || this.matches(n.title) || n.sections.some((s) => this.matches(s.title)))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  private examMatches(core: StudyCore, exam: Exam): boolean {
    if (!this.filter) return true;
    return core.content.notes.some((n) => (n.exams ?? []).includes(exam.id) && this.matches(n.title))
      || exam.domains.some((d) => this.domainMatches(core, exam, d.number));
  }

  private domainMatches(core: StudyCore, exam: Exam, domain: number): boolean {
    if (!this.filter) return true;
    return exam.domains.find((d) => d.number === domain)!.tasks.some((t) => this.topics(core, exam.id, t.id).length > 0);
  }

  private matches(text: string): boolean { return text.toLowerCase().includes(this.filter); }
}

export function register(context: vscode.ExtensionContext, services: Services, progress: ProgressService): ExamTreeProvider {
  const provider = new ExamTreeProvider(services, progress);
  const view = vscode.window.createTreeView('awsMlStudy.exams', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand(Commands.filterTree, async () => {
      const text = await vscode.window.showInputBox({ title: 'Filter Exams', prompt: 'Show topics and sections whose titles contain this text', placeHolder: 'e.g. guardrails' });
      if (text === undefined) return;
      provider.setFilter(text);
      // VS Code shows a view's welcome content only while the view has no message.
      const empty = !!text.trim() && !(await provider.getChildren()).length;
      view.message = text.trim() && !empty ? `Filtered by "${text.trim()}"` : undefined;
    }),
    vscode.commands.registerCommand(Commands.clearTreeFilter, () => { provider.setFilter(''); view.message = undefined; }),
  );
  return provider;
}
