/**
 * The answer controls of each question type, all keyboard-operable: radios (single choice),
 * checkboxes (multiple response, saying how many to pick), a reorderable list (ordering: drag,
 * Alt+Up/Down, or the move buttons) and a select per item (matching). Each calls `onChange` with
 * the new response (null when cleared); `locked` shows the response read-only.
 */
import type { QuestionView, ResponseData } from '../../protocol/mockExam';
import { h } from '../shared/vscodeApi';
import { announce } from './live';

export interface ControlOptions {
  question: QuestionView;
  response: ResponseData | undefined;
  locked: boolean;
  onChange(response: ResponseData | null): void;
}

/** Stem HTML comes from markdown-it on the host with raw HTML off. */
export function html(tag: 'div' | 'span', className: string, markup: string): HTMLElement {
  const el = h(tag, { class: className });
  el.innerHTML = markup;
  return el;
}

export function letter(id: string): string {
  return id.toUpperCase();
}

export function hint(q: QuestionView): string {
  switch (q.type) {
    case 'single': return 'Choose one answer.';
    case 'multiple': return `Select ${numberWord(q.pick)}.`;
    case 'ordering': return 'Put the items in order: drag them, or focus one and press Alt+↑ / Alt+↓ (or use its buttons).';
    case 'matching': return 'Match each item with one of the numbered choices. A choice may fit more than one item, or none.';
  }
}

export function numberWord(n: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five', 'six'][n] ?? String(n);
}

export function control(o: ControlOptions): HTMLElement {
  switch (o.question.type) {
    case 'single': return choices(o, 'radio');
    case 'multiple': return choices(o, 'checkbox');
    case 'ordering': return ordering(o);
    case 'matching': return matching(o);
  }
}

function choices(o: ControlOptions, kind: 'radio' | 'checkbox'): HTMLElement {
  const q = o.question;
  const selected = new Set(o.response?.type === 'single' ? [o.response.choice] : o.response?.type === 'multiple' ? o.response.choices : []);
  const status = kind === 'checkbox' ? h('p', { class: 'pick-status muted', 'aria-live': 'polite' }) : undefined;
  const updateStatus = () => {
    if (!status) return;
    const n = selected.size;
    status.textContent = n === q.pick ? `${n} of ${q.pick} selected.` : n > q.pick ? `${n} selected: the question asks for ${q.pick}.` : `${n} of ${q.pick} selected.`;
    status.classList.toggle('warn', n > q.pick);
  };
  const fieldset = h('fieldset', { class: `choices ${kind}`, 'aria-describedby': 'q-hint' }, h('legend', { class: 'visually-hidden' }, hint(q)));
  for (const opt of q.options) {
    const input = h('input', { type: kind, name: `q-${q.id}`, value: opt.id, id: `opt-${q.id}-${opt.id}`, disabled: o.locked, checked: selected.has(opt.id) });
    input.addEventListener('change', () => {
      if (kind === 'radio') { selected.clear(); selected.add(opt.id); o.onChange({ type: 'single', choice: opt.id }); return; }
      if (input.checked) selected.add(opt.id); else selected.delete(opt.id);
      updateStatus();
      const ordered = q.options.map((x) => x.id).filter((id) => selected.has(id));
      o.onChange(ordered.length ? { type: 'multiple', choices: ordered } : null);
    });
    const label = h('label', { for: input.id, class: 'choice', 'data-option': opt.id }, input, h('span', { class: 'letter', 'aria-hidden': 'true' }, letter(opt.id)), html('span', 'choice-text', opt.html));
    fieldset.append(label);
  }
  updateStatus();
  return status ? h('div', {}, fieldset, status) : fieldset;
}

function ordering(o: ControlOptions): HTMLElement {
  const q = o.question;
  let order = o.response?.type === 'ordering' ? [...o.response.order] : q.options.map((x) => x.id);
  const answered = o.response?.type === 'ordering';
  const text = (id: string) => q.options.find((x) => x.id === id)!;
  const list = h('ol', { class: 'order-list', 'aria-label': 'Items in your order', 'aria-describedby': 'q-hint' });
  const confirm = h('button', { type: 'button', class: 'secondary keep-order', disabled: o.locked }, h('span', { class: 'codicon codicon-check', 'aria-hidden': 'true' }), ' Keep this order');
  confirm.hidden = answered || o.locked;
  confirm.addEventListener('click', () => { confirm.hidden = true; o.onChange({ type: 'ordering', order: [...order] }); announce('Order saved.'); });

  const move = (id: string, to: number, focus: 'item' | 'up' | 'down' = 'item') => {
    const from = order.indexOf(id);
    if (to < 0 || to >= order.length || to === from) return;
    order = [...order];
    order.splice(from, 1);
    order.splice(to, 0, id);
    render();
    confirm.hidden = true;
    o.onChange({ type: 'ordering', order: [...order] });
    const item = list.querySelector<HTMLElement>(`[data-id="${id}"]`);
    const target = focus === 'item' ? item : item?.querySelector<HTMLButtonElement>(`.move-${focus}:not(:disabled)`) ?? item;
    target?.focus();
    announce(`Moved "${plainText(text(id).html)}" to position ${to + 1} of ${order.length}.`);
  };

  let dragging: string | undefined;
  const render = () => {
    list.replaceChildren(...order.map((id, i) => {
      const label = plainText(text(id).html);
      const up = h('button', { type: 'button', class: 'icon-button move-up', 'aria-label': `Move "${label}" up`, title: 'Move up (Alt+↑)', disabled: o.locked || i === 0 }, h('span', { class: 'codicon codicon-arrow-up', 'aria-hidden': 'true' }));
      const down = h('button', { type: 'button', class: 'icon-button move-down', 'aria-label': `Move "${label}" down`, title: 'Move down (Alt+↓)', disabled: o.locked || i === order.length - 1 }, h('span', { class: 'codicon codicon-arrow-down', 'aria-hidden': 'true' }));
      up.addEventListener('click', () => move(id, i - 1, 'up'));
      down.addEventListener('click', () => move(id, i + 1, 'down'));
      const li = h('li', {
        class: 'order-item', 'data-id': id, tabindex: o.locked ? undefined : '0', draggable: o.locked ? undefined : 'true',
        'aria-label': `${i + 1} of ${order.length}: ${label}`,
      },
      h('span', { class: 'codicon codicon-gripper grip', 'aria-hidden': 'true' }),
      h('span', { class: 'position', 'aria-hidden': 'true' }, String(i + 1)),
      html('span', 'order-text', text(id).html),
      h('span', { class: 'move-buttons' }, up, down));
      if (!o.locked) {
        li.addEventListener('keydown', (e) => {
          if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          e.stopPropagation();
          move(id, order.indexOf(id) + (e.key === 'ArrowUp' ? -1 : 1));
        });
        li.addEventListener('dragstart', (e) => { dragging = id; li.classList.add('dragging'); e.dataTransfer?.setData('text/plain', id); });
        li.addEventListener('dragend', () => { dragging = undefined; li.classList.remove('dragging'); clearDropMarks(); });
        li.addEventListener('dragover', (e) => {
          if (!dragging || dragging === id) return;
          e.preventDefault();
          clearDropMarks();
          li.classList.add(isBelowMiddle(li, e) ? 'drop-after' : 'drop-before');
        });
        li.addEventListener('drop', (e) => {
          if (!dragging || dragging === id) return;
          e.preventDefault();
          const after = isBelowMiddle(li, e);
          const without = order.filter((x) => x !== dragging);
          const to = without.indexOf(id) + (after ? 1 : 0);
          const moved = dragging;
          dragging = undefined;
          clearDropMarks();
          move(moved, to);
        });
      }
      return li;
    }));
  };
  const clearDropMarks = () => list.querySelectorAll('.drop-before, .drop-after').forEach((el) => el.classList.remove('drop-before', 'drop-after'));
  render();
  return h('div', { class: 'ordering' }, list, confirm);
}

function isBelowMiddle(el: HTMLElement, e: DragEvent): boolean {
  const r = el.getBoundingClientRect();
  return e.clientY > r.top + r.height / 2;
}

function matching(o: ControlOptions): HTMLElement {
  const q = o.question;
  const pairs: Record<string, string> = o.response?.type === 'matching' ? { ...o.response.pairs } : {};
  const table = h('table', { class: 'matching-table', 'aria-describedby': 'q-hint' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Item'), h('th', { scope: 'col' }, 'Matches'))));
  const body = h('tbody');
  // The choices in full, numbered: a closed select shows only the start of a long one.
  const targets = q.targets ?? [];
  const choices = h('ol', { class: 'match-choices', id: `choices-${q.id}` }, ...targets.map((t) => h('li', {}, t.text)));
  for (const opt of q.options) {
    const select = h('select', { id: `match-${q.id}-${opt.id}`, 'aria-label': `Match for: ${plainText(opt.html)}`, disabled: o.locked },
      h('option', { value: '' }, 'Choose…'),
      ...targets.map((t, i) => h('option', { value: t.id, selected: pairs[opt.id] === t.id }, `${i + 1}. ${t.text}`)));
    select.addEventListener('change', () => {
      if (select.value) pairs[opt.id] = select.value; else delete pairs[opt.id];
      o.onChange(Object.keys(pairs).length ? { type: 'matching', pairs: { ...pairs } } : null);
    });
    body.append(h('tr', {}, h('th', { scope: 'row' }, h('label', { for: select.id }, html('span', 'match-item', opt.html))), h('td', {}, select)));
  }
  table.append(body);
  return h('div', { class: 'matching' }, h('p', { class: 'match-choices-title' }, 'Choices'), choices, table);
}

/** Text content of host-rendered inline HTML. */
export function plainText(markup: string): string {
  const t = document.createElement('template');
  t.innerHTML = markup;
  return (t.content.textContent ?? '').trim();
}
