/**
 * The exam screen: one question at a time with its control, a countdown by the host's wall
 * clock, flag for review, previous/next, a navigator grid of every question (answered,
 * unanswered, flagged), and a confirmation before submitting. Keys: N next, P previous, F flag.
 * Answers are posted to the host as they change; the host stores every step.
 */
import { isAnswered } from '../../core/exam/responses';
import type { ExamView, FeedbackView, MockExamFromWebview, QuestionView, ResponseData, StepMessage } from '../../protocol/mockExam';
import { h } from '../shared/vscodeApi';
import { control, hint, html } from './controls';
import { feedbackBlock } from './feedback';
import { clock, duration, plural } from './format';
import { announce } from './live';

type Post = (m: MockExamFromWebview) => void;

const WARNINGS = [10, 5, 1].map((m) => m * 60_000);

export class ExamScreen {
  private responses: Record<string, ResponseData>;
  private flagged: Set<string>;
  private checked = new Map<string, FeedbackView>();
  private current: number;
  private readonly skew: number;
  private tick: ReturnType<typeof setInterval> | undefined;
  private warned = new Set<number>();
  private timeUpPosted = false;
  private ended = false;
  private readonly questionArea = h('section', { class: 'question', 'aria-labelledby': 'q-title' });
  private readonly navigator = h('nav', { class: 'navigator', 'aria-label': 'Question navigator' });
  private readonly timer = h('div', { class: 'timer', role: 'timer' });
  private readonly saveStatus = h('span', { class: 'save-status', 'data-state': 'saved' });
  private readonly notice = h('div', { class: 'notice', role: 'status', hidden: true });
  private readonly dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' });
  private readonly keyHandler = (e: KeyboardEvent) => this.onKey(e);

  constructor(private readonly root: HTMLElement, private readonly view: ExamView, private readonly post: Post, private readonly step: (m: StepMessage) => void) {
    this.responses = { ...view.responses };
    this.flagged = new Set(view.flagged);
    for (const f of view.checked) this.checked.set(f.questionId, f);
    this.current = view.current;
    this.skew = view.now - Date.now();
  }

  render(): void {
    const v = this.view;
    const submit = h('button', { type: 'button', class: 'primary submit' }, h('span', { class: 'codicon codicon-send', 'aria-hidden': 'true' }), v.feedback === 'each' ? ' Finish practice' : ' Submit exam');
    submit.addEventListener('click', () => this.confirmSubmit());
    const header = h('header', { class: 'exam-header' },
      h('div', { class: 'exam-title' },
        h('h1', {}, `${v.examCode} · ${v.modeLabel}`),
        h('p', { class: 'muted' }, v.subtitle ?? v.examName)),
      this.saveStatus, this.timer, submit);
    this.root.replaceChildren(header, this.notice, h('div', { class: 'exam-body' }, this.questionArea, this.navigator),
      h('p', { class: 'shortcuts muted' }, 'Keyboard: ', h('kbd', {}, 'N'), ' next · ', h('kbd', {}, 'P'), ' previous · ', h('kbd', {}, 'F'), ' flag · ', h('kbd', {}, 'Tab'), ' to move between controls'),
      this.dialog);
    if (v.droppedNotice) this.showNotice(v.droppedNotice);
    this.renderQuestion(false);
    this.renderNavigator();
    this.updateTimer();
    this.tick = setInterval(() => this.updateTimer(), 1000);
    document.addEventListener('keydown', this.keyHandler);
  }

  dispose(): void {
    if (this.tick) clearInterval(this.tick);
    document.removeEventListener('keydown', this.keyHandler);
  }

  /** Shows whether every step so far is stored by the host (pending: steps not yet confirmed). */
  setPending(pending: number): void {
    const saved = pending === 0;
    this.saveStatus.dataset.state = saved ? 'saved' : 'saving';
    this.saveStatus.replaceChildren(h('span', { class: `codicon codicon-${saved ? 'check' : 'sync'}`, 'aria-hidden': 'true' }), saved ? ' Saved' : ' Saving…');
  }

  showNotice(message: string): void {
    this.notice.textContent = message;
    this.notice.hidden = false;
  }

  onChecked(f: FeedbackView): void {
    this.checked.set(f.questionId, f);
    if (this.question().id === f.questionId) {
      // The Check answer button that had the focus is replaced by the feedback: move the focus
      // there, or a keyboard learner starts again from the top of the page.
      const hadFocus = this.questionArea.contains(document.activeElement);
      this.renderQuestion(false);
      if (hadFocus) this.questionArea.querySelector<HTMLElement>('.feedback .verdict')?.focus();
    }
    this.renderNavigator();
    announce(f.correct ? 'Correct.' : `Not quite. The answer: ${f.keyText}`);
  }

  private question(): QuestionView {
    return this.view.questions[this.current];
  }

  private renderQuestion(focus: boolean): void {
    const q = this.question();
    const v = this.view;
    const locked = this.checked.has(q.id) || this.ended;
    const flagged = this.flagged.has(q.id);
    const flag = h('button', { type: 'button', class: `secondary flag${flagged ? ' on' : ''}`, 'aria-pressed': String(flagged), disabled: this.ended },
      h('span', { class: 'codicon codicon-bookmark', 'aria-hidden': 'true' }), flagged ? ' Flagged for review' : ' Flag for review');
    flag.addEventListener('click', () => this.toggleFlag());
    const title = h('h2', { id: 'q-title', tabindex: '-1' }, `Question ${q.number}`, h('span', { class: 'of' }, ` of ${v.questions.length}`));
    const meta = h('p', { class: 'q-meta muted' }, `Domain ${q.domain} · Task ${q.task} · ${typeName(q)}`);
    const response = this.responses[q.id];
    const ctl = control({ question: q, response, locked, onChange: (r) => this.setResponse(q, r) });
    const clear = h('button', { type: 'button', class: 'link-button clear', disabled: locked }, 'Clear answer');
    clear.hidden = !response || locked;
    clear.addEventListener('click', () => { this.setResponse(q, null); this.renderQuestion(false); this.focusFirstControl(); });

    const prev = h('button', { type: 'button', class: 'secondary', disabled: this.current === 0 }, h('span', { class: 'codicon codicon-chevron-left', 'aria-hidden': 'true' }), ' Previous');
    const next = h('button', { type: 'button', class: 'secondary', disabled: this.current === v.questions.length - 1 }, 'Next ', h('span', { class: 'codicon codicon-chevron-right', 'aria-hidden': 'true' }));
    prev.addEventListener('click', () => this.goTo(this.current - 1));
    next.addEventListener('click', () => this.goTo(this.current + 1));
    const actions = h('div', { class: 'q-actions' }, prev);
    if (v.feedback === 'each' && !this.checked.has(q.id)) {
      const check = h('button', { type: 'button', class: 'primary check', disabled: !response || this.ended }, h('span', { class: 'codicon codicon-check', 'aria-hidden': 'true' }), ' Check answer');
      check.addEventListener('click', () => this.post({ type: 'check', attemptId: v.attemptId, questionId: q.id }));
      actions.append(check);
    }
    actions.append(next);

    // Once checked, the answer is shown against the key in place of the control.
    const fb = this.checked.get(q.id);
    this.questionArea.dataset.questionId = q.id;
    this.questionArea.dataset.type = q.type;
    this.questionArea.replaceChildren(
      h('div', { class: 'q-head' }, h('div', {}, title, meta), flag),
      html('div', 'stem', q.stemHtml),
      h('p', { class: 'hint', id: 'q-hint' }, hint(q)),
      fb ? feedbackBlock(q, fb, this.responses[q.id], (noteId, slug) => this.post({ type: 'openNote', noteId, slug })) : ctl,
      fb ? '' : clear,
      actions);
    if (focus) title.focus();
  }

  private focusFirstControl(): void {
    this.questionArea.querySelector<HTMLElement>('input, select, .order-item')?.focus();
  }

  private renderNavigator(): void {
    const v = this.view;
    const answered = v.questions.filter((q) => isAnswered(q, this.responses[q.id])).length;
    const grid = h('ol', { class: 'nav-grid' });
    v.questions.forEach((q, i) => {
      const isAns = isAnswered(q, this.responses[q.id]);
      const isFlag = this.flagged.has(q.id);
      const fb = this.checked.get(q.id);
      const state = [isAns ? 'answered' : 'unanswered', isFlag ? 'flagged' : '', fb ? (fb.correct ? 'right' : 'wrong') : ''].filter(Boolean);
      const label = `Question ${q.number}, ${isAns ? 'answered' : 'unanswered'}${isFlag ? ', flagged' : ''}${fb ? (fb.correct ? ', correct' : ', incorrect') : ''}`;
      const b = h('button', { type: 'button', class: `nav-cell ${state.join(' ')}`, 'aria-label': label, title: label, 'aria-current': i === this.current ? 'step' : undefined },
        String(q.number), isFlag ? h('span', { class: 'codicon codicon-bookmark flag-mark', 'aria-hidden': 'true' }) : '');
      b.addEventListener('click', () => this.goTo(i));
      grid.append(h('li', {}, b));
    });
    const flagged = v.questions.filter((q) => this.flagged.has(q.id)).length;
    this.navigator.replaceChildren(
      h('h2', {}, 'Questions'),
      h('p', { class: 'muted nav-summary' }, `${answered} of ${v.questions.length} answered · ${flagged} flagged`),
      grid,
      h('ul', { class: 'legend', 'aria-label': 'Legend' },
        h('li', {}, h('span', { class: 'swatch answered', 'aria-hidden': 'true' }), 'Answered'),
        h('li', {}, h('span', { class: 'swatch unanswered', 'aria-hidden': 'true' }), 'Unanswered'),
        h('li', {}, h('span', { class: 'codicon codicon-bookmark flag-legend', 'aria-hidden': 'true' }), 'Flagged'),
        h('li', {}, h('span', { class: 'swatch current', 'aria-hidden': 'true' }), 'Current')));
  }

  private setResponse(q: QuestionView, r: ResponseData | null): void {
    if (r) this.responses[q.id] = r; else delete this.responses[q.id];
    this.step({ type: 'answer', attemptId: this.view.attemptId, questionId: q.id, response: r });
    this.renderNavigator();
    const check = this.questionArea.querySelector<HTMLButtonElement>('button.check');
    if (check) check.disabled = !r;
    const clear = this.questionArea.querySelector<HTMLButtonElement>('button.clear');
    if (clear) clear.hidden = !r;
  }

  private toggleFlag(): void {
    const q = this.question();
    const on = !this.flagged.has(q.id);
    if (on) this.flagged.add(q.id); else this.flagged.delete(q.id);
    this.step({ type: 'flag', attemptId: this.view.attemptId, questionId: q.id, flagged: on });
    this.renderQuestion(false);
    this.renderNavigator();
    this.questionArea.querySelector<HTMLButtonElement>('button.flag')?.focus();
    announce(on ? `Question ${q.number} flagged for review.` : `Flag removed from question ${q.number}.`);
  }

  private goTo(index: number): void {
    if (index < 0 || index >= this.view.questions.length) return;
    this.current = index;
    this.step({ type: 'navigate', attemptId: this.view.attemptId, index });
    this.renderQuestion(true);
    this.renderNavigator();
    window.scrollTo(0, 0);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || this.dialog.open || this.ended) return;
    const t = e.target as HTMLElement;
    // A matching select keeps its letters for nothing: its choices start with a number ("2. ...")
    // or "Choose…", so N, P and F still move and flag from there instead of doing nothing.
    if (t.closest('textarea, input[type="text"]')) return;
    const key = e.key.toLowerCase();
    if (key === 'n') this.goTo(this.current + 1);
    else if (key === 'p') this.goTo(this.current - 1);
    else if (key === 'f') this.toggleFlag();
    else return;
    e.preventDefault();
  }

  private confirmSubmit(): void {
    const v = this.view;
    const unanswered = v.questions.filter((q) => !isAnswered(q, this.responses[q.id]));
    const flagged = v.questions.filter((q) => this.flagged.has(q.id)).length;
    const practice = v.feedback === 'each';
    const parts = [
      unanswered.length ? `${plural(unanswered.length, 'question is', 'questions are')} unanswered and will score zero` : 'Every question is answered',
      flagged ? `${plural(flagged, 'question is', 'questions are')} flagged for review` : '',
    ].filter(Boolean);
    const goBack = h('button', { type: 'button', class: 'secondary' }, unanswered.length ? 'Go to first unanswered' : 'Keep working');
    const submit = h('button', { type: 'button', class: unanswered.length ? 'danger' : 'primary' }, practice ? 'Finish' : 'Submit');
    goBack.addEventListener('click', () => {
      this.dialog.close();
      if (unanswered.length) this.goTo(v.questions.indexOf(unanswered[0]));
    });
    submit.addEventListener('click', () => {
      this.dialog.close();
      this.end('Submitting…');
      this.post({ type: 'submit', attemptId: v.attemptId });
    });
    this.dialog.replaceChildren(
      h('h2', { id: 'confirm-title' }, unanswered.length ? `Submit with ${plural(unanswered.length, 'unanswered question')}?` : practice ? 'Finish this practice?' : 'Submit your exam?'),
      h('p', { id: 'confirm-text' }, `${parts.join('; ')}. ${practice ? 'You will see your results and can review every question.' : 'You cannot change your answers after submitting.'}`),
      h('div', { class: 'dialog-actions' }, goBack, submit));
    this.dialog.showModal();
    (unanswered.length ? goBack : submit).focus();
  }

  /** Stops the exam on screen (submitted or out of time); the host posts the results. */
  private end(message: string): void {
    this.ended = true;
    if (this.tick) clearInterval(this.tick);
    this.showNotice(message);
    this.root.classList.add('ended');
    this.questionArea.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>('input, button, select').forEach((el) => { el.disabled = true; });
  }

  private updateTimer(): void {
    const v = this.view;
    const now = Date.now() + this.skew;
    if (!v.timer) {
      this.timer.replaceChildren(h('span', { class: 'codicon codicon-clock', 'aria-hidden': 'true' }), ` Untimed · ${clock(now - v.startedAt)}`);
      this.timer.setAttribute('aria-label', `Untimed practice, ${duration(now - v.startedAt)} so far`);
      return;
    }
    const left = Math.max(0, v.timer.deadline - now);
    this.timer.replaceChildren(h('span', { class: 'codicon codicon-watch', 'aria-hidden': 'true' }), ` ${clock(left)}`);
    this.timer.setAttribute('aria-label', `Time left: ${duration(left)} of ${duration(v.timer.limitMs)}`);
    this.timer.classList.toggle('low', left <= 5 * 60_000);
    for (const w of WARNINGS) {
      if (left <= w && left > 0 && !this.warned.has(w) && v.timer.limitMs > w) {
        this.warned.add(w);
        announce(`${duration(w)} left.`);
      }
    }
    if (left === 0 && !this.ended) {
      this.end("Time's up. Scoring your exam…");
      // The host ends the exam on its own timer; ask too, in case this page outlived it.
      setTimeout(() => { if (!this.timeUpPosted) { this.timeUpPosted = true; this.post({ type: 'submit', attemptId: v.attemptId }); } }, 1500);
    }
  }
}

function typeName(q: QuestionView): string {
  switch (q.type) {
    case 'single': return 'Single choice';
    case 'multiple': return 'Multiple response';
    case 'ordering': return 'Ordering';
    case 'matching': return 'Matching';
  }
}
