/**
 * The right answer set against the learner's: each option marked as the key and/or the learner's
 * choice with its "why", the learner's order beside the right one, each match checked, then the
 * explanation and a link to the note section. Used after "Check answer" and in review mode.
 */
import type { FeedbackView, QuestionView, ResponseData } from '../../protocol/mockExam';
import { h } from '../shared/vscodeApi';
import { html, letter } from './controls';

type OpenNote = (noteId: string, slug?: string) => void;

export function feedbackBlock(q: QuestionView, fb: FeedbackView, response: ResponseData | undefined, openNote: OpenNote): HTMLElement {
  const verdict = !response ? 'Not answered' : fb.correct ? 'Correct' : 'Not quite';
  const icon = fb.correct ? 'pass-filled' : response ? 'error' : 'circle-slash';
  const link = h('a', { href: '#', class: 'note-link' }, h('span', { class: 'codicon codicon-book', 'aria-hidden': 'true' }), ` ${fb.note.title}`);
  link.addEventListener('click', (e) => { e.preventDefault(); openNote(fb.note.noteId, fb.note.slug); });
  return h('div', { class: `feedback ${fb.correct ? 'right' : 'wrong'}` },
    h('p', { class: 'verdict', tabindex: '-1' }, h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), ` ${verdict}`),
    breakdown(q, fb, response),
    h('div', { class: 'explanation' }, h('h4', {}, 'Explanation'), html('div', 'explanation-text', fb.explanationHtml)),
    h('p', { class: 'note-ref' }, 'Read more: ', link));
}

export function breakdown(q: QuestionView, fb: FeedbackView, response: ResponseData | undefined): HTMLElement {
  switch (q.type) {
    case 'single':
    case 'multiple': return choiceBreakdown(q, fb, response);
    case 'ordering': return orderBreakdown(q, fb, response);
    case 'matching': return matchBreakdown(q, fb, response);
  }
}

function choiceBreakdown(q: QuestionView, fb: FeedbackView, response: ResponseData | undefined): HTMLElement {
  const key = new Set(fb.key.type === 'single' ? [fb.key.choice] : fb.key.type === 'multiple' ? fb.key.choices : []);
  const mine = new Set(response?.type === 'single' ? [response.choice] : response?.type === 'multiple' ? response.choices : []);
  const list = h('ul', { class: 'breakdown choices-breakdown', 'aria-label': 'Options with the right answer and yours' });
  for (const o of q.options) {
    const isKey = key.has(o.id);
    const isMine = mine.has(o.id);
    const cls = isKey ? (isMine ? 'key mine' : 'key missed') : isMine ? 'mine wrong' : '';
    const tags = [
      isKey ? tag('pass', 'Correct answer', 'tag-key') : undefined,
      isMine ? tag(isKey ? 'check' : 'close', 'Your answer', isKey ? 'tag-mine' : 'tag-wrong') : undefined,
    ];
    list.append(h('li', { class: `option-row ${cls}` },
      h('div', { class: 'option-line' }, h('span', { class: 'letter', 'aria-hidden': 'true' }, letter(o.id)), html('span', 'choice-text', o.html), h('span', { class: 'tags' }, ...tags)),
      fb.whys[o.id] ? html('div', 'why', fb.whys[o.id]) : ''));
  }
  return list;
}

function orderBreakdown(q: QuestionView, fb: FeedbackView, response: ResponseData | undefined): HTMLElement {
  const key = fb.key.type === 'ordering' ? fb.key.order : [];
  const mine = response?.type === 'ordering' ? response.order : undefined;
  const text = (id: string) => q.options.find((o) => o.id === id)?.html ?? id;
  const column = (title: string, ids: readonly string[], mark: boolean) => h('div', { class: 'order-column' },
    h('h4', {}, title),
    h('ol', { class: 'breakdown order-breakdown' }, ...ids.map((id, i) => {
      const right = key[i] === id;
      return h('li', { class: mark ? (right ? 'in-place' : 'out-of-place') : '' },
        html('span', 'order-text', text(id)),
        mark ? tag(right ? 'check' : 'close', right ? 'In place' : `Belongs at ${key.indexOf(id) + 1}`, right ? 'tag-mine' : 'tag-wrong') : '');
    })));
  return h('div', { class: 'order-compare' },
    mine ? column('Your order', mine, true) : h('div', { class: 'order-column' }, h('h4', {}, 'Your order'), h('p', { class: 'muted' }, 'Not answered.')),
    column('Correct order', key, false));
}

function matchBreakdown(q: QuestionView, fb: FeedbackView, response: ResponseData | undefined): HTMLElement {
  const key = fb.key.type === 'matching' ? fb.key.pairs : {};
  const mine = response?.type === 'matching' ? response.pairs : {};
  const target = (id: string | undefined) => (id ? q.targets?.find((t) => t.id === id)?.text ?? id : '—');
  return h('table', { class: 'breakdown match-breakdown' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Item'), h('th', { scope: 'col' }, 'Your match'), h('th', { scope: 'col' }, 'Correct match'))),
    h('tbody', {}, ...q.options.map((o) => {
      const right = mine[o.id] === key[o.id];
      return h('tr', { class: right ? 'in-place' : 'out-of-place' },
        h('th', { scope: 'row' }, html('span', 'match-item', o.html)),
        h('td', {}, tag(right ? 'check' : 'close', right ? 'Right' : 'Wrong', right ? 'tag-mine' : 'tag-wrong', true), ` ${target(mine[o.id])}`),
        h('td', {}, target(key[o.id])));
    })));
}

function tag(icon: string, text: string, cls: string, iconOnly = false): HTMLElement {
  return h('span', { class: `tag ${cls}` }, h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), iconOnly ? h('span', { class: 'visually-hidden' }, text) : ` ${text}`);
}
