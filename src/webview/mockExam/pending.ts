/**
 * The steps a page sent and has not yet heard are saved, against a view of the attempt from the
 * host. No DOM here (unit tests run it in Node).
 *
 * A page keeps unconfirmed steps in its saved state so a window reload cannot lose them. That
 * saved state can be older than the attempt: VS Code persists webview state now and then, not on
 * every setState, so after a reload a page may come back with steps the host applied long ago
 * (an early partial matching answer, say). The view says which step the attempt is at; only steps
 * numbered after it are still to do. Replaying the older ones would undo later answers.
 */
import type { ExamView, StepMessage } from '../../protocol/mockExam';

export interface Reconciled {
  /** The host's view with the steps still to do applied on top. */
  view: ExamView;
  /** The steps still to do, in order: send them again. */
  pending: StepMessage[];
}

export function reconcile(view: ExamView, pending: readonly StepMessage[]): Reconciled {
  const todo = pending.filter((p) => p.attemptId === view.attemptId && p.seq !== undefined && p.seq > view.seq);
  const responses = { ...view.responses };
  const flagged = new Set(view.flagged);
  let current = view.current;
  for (const p of todo) {
    if (p.type === 'answer') { if (p.response) responses[p.questionId] = p.response; else delete responses[p.questionId]; }
    else if (p.type === 'flag') { if (p.flagged) flagged.add(p.questionId); else flagged.delete(p.questionId); }
    else current = Math.min(p.index, view.questions.length - 1);
  }
  return { view: { ...view, responses, flagged: [...flagged], current }, pending: todo };
}

/** The number for the page's next step: after the attempt's and after any the page has sent. */
export function nextSeq(last: number, view?: Pick<ExamView, 'seq'>, pending: readonly StepMessage[] = []): number {
  return Math.max(last, view?.seq ?? 0, ...pending.map((p) => p.seq ?? 0)) + 1;
}
