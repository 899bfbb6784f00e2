/**
 * The mock exam webview: shows what the host sends (an exam, results, review or history) and
 * posts the learner's steps back. The host holds every attempt; this page keeps only which screen
 * it is on (setState), so the serializer can bring it back.
 */
import type { ExamView, MockExamFromWebview, MockExamToWebview, MockExamWebviewState, ResultView, StepMessage } from '../../protocol/mockExam';
import { bridge, h } from '../shared/vscodeApi';
import { ExamScreen } from './exam';
import { nextSeq, reconcile } from './pending';
import { renderHistory } from './history';
import { button, renderResults, renderReview } from './results';

const host = bridge<MockExamFromWebview, MockExamWebviewState>();
const app = document.getElementById('app')!;
let exam: ExamScreen | undefined;
let results: ResultView | undefined;

const post = (m: MockExamFromWebview) => host.post(m);
/** The number of the last step this page sent (steps count on from the attempt's own number). */
let seq = nextSeq(0, undefined, host.state()?.pending) - 1;
/** Unconfirmed steps are kept at most this many (a host that never answers must not grow the state forever). */
const MAX_PENDING = 500;

/** Sends a step and remembers it until the host confirms it is stored. */
function sendStep(m: StepMessage): void {
  const step = { ...m, seq: (seq = nextSeq(seq)) };
  const state = host.state();
  const pending = [...(state?.attemptId === m.attemptId ? state.pending ?? [] : []), step].slice(-MAX_PENDING);
  host.save({ screen: 'exam', attemptId: m.attemptId, pending });
  exam?.setPending(pending.length);
  host.post(step);
}

function confirmed(n: number): void {
  const state = host.state();
  if (!state?.pending?.length) return;
  const pending = state.pending.filter((p) => p.seq !== n);
  host.save({ ...state, pending });
  exam?.setPending(pending.length);
}

/** The host's view with the steps it has not confirmed (and not applied) on top; those are sent again. */
function withPending(hostView: ExamView): ExamView {
  const { view, pending } = reconcile(hostView, host.state()?.pending ?? []);
  seq = nextSeq(seq, hostView, pending) - 1;
  host.save({ screen: 'exam', attemptId: view.attemptId, pending });
  for (const p of pending) host.post(p);
  return view;
}

window.addEventListener('message', (e: MessageEvent<MockExamToWebview>) => {
  const m = e.data;
  switch (m.type) {
    case 'exam': return showExam(m.view);
    case 'checked': return exam?.onChecked(m.feedback);
    case 'results': return showResults(m.view, host.state()?.screen === 'review' && host.state()?.attemptId === m.view.attemptId);
    case 'history': return showHistory(m);
    case 'notice': return notice(m.message);
    case 'saved': return confirmed(m.seq);
    case 'unavailable': return unavailable(m.message);
  }
});

function reset(): void {
  exam?.dispose();
  exam = undefined;
  app.removeAttribute('aria-busy');
  app.className = '';
}

function showExam(hostView: ExamView): void {
  reset();
  app.className = 'screen-exam';
  const view = withPending(hostView);
  exam = new ExamScreen(app, view, post, sendStep);
  exam.render();
  exam.setPending(host.state()?.pending?.length ?? 0);
  app.querySelector<HTMLElement>('#q-title')?.focus();
}

function showResults(view: ResultView, review: boolean): void {
  reset();
  results = view;
  if (review) return openReview();
  app.className = 'screen-results';
  renderResults(app, view, post, openReview);
  host.save({ screen: 'results', attemptId: view.attemptId });
  window.scrollTo(0, 0);
  app.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
  app.querySelector<HTMLElement>('h1')?.focus();
}

function openReview(): void {
  if (!results) return;
  const view = results;
  app.className = 'screen-review';
  renderReview(app, view, post, () => showResults(view, false));
  host.save({ screen: 'review', attemptId: view.attemptId });
  window.scrollTo(0, 0);
  app.querySelector<HTMLElement>('.review-bar button')?.focus();
}

function showHistory(m: Extract<MockExamToWebview, { type: 'history' }>): void {
  reset();
  app.className = 'screen-history';
  renderHistory(app, m.view, post);
  host.save({ screen: 'history' });
  window.scrollTo(0, 0);
  // As on the results screen: the keyboard starts from the heading, not from nowhere.
  app.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
  app.querySelector<HTMLElement>('h1')?.focus();
}

function notice(message: string): void {
  if (exam) return exam.showNotice(message);
  const el = app.querySelector<HTMLElement>('.notice');
  if (!el) return;
  el.textContent = message;
  el.hidden = false;
}

function unavailable(message: string): void {
  reset();
  app.className = 'screen-empty';
  app.replaceChildren(
    h('h1', {}, 'Mock exams'),
    h('div', { class: 'empty-state' },
      h('p', {}, message),
      h('div', { class: 'actions' },
        button('play', 'Start a mock exam', 'primary', () => post({ type: 'command', command: 'start' })),
        button('graph-line', 'History', 'secondary', () => post({ type: 'command', command: 'history' })))));
}

post({ type: 'ready' });
