// The tags page: every tag with its count, filterable, by use or by name; each opens its episodes.
import { el, clear } from './dom.js';
import { withChanges } from './state.js';
import { stateLink } from './results.js';

let order = 'count';

/** Draws the tag list, wiring the filter box and the order buttons once. */
export function renderTags(view, tags, state) {
  const draw = () => drawList(view, tags, state);
  if (!view.wired) {
    view.wired = true;
    view.filter.addEventListener('input', () => view.redraw());
    for (const [button, value] of [[view.byCount, 'count'], [view.byName, 'name']]) {
      button.addEventListener('click', () => {
        order = value;
        view.byCount.setAttribute('aria-pressed', String(order === 'count'));
        view.byName.setAttribute('aria-pressed', String(order === 'name'));
        view.redraw();
      });
    }
  }
  view.redraw = draw;
  draw();
}

function drawList(view, tags, state) {
  const needle = view.filter.value.trim().toLowerCase();
  const shown = tags.filter((t) => String(t.tag).toLowerCase().includes(needle));
  if (order === 'name') shown.sort((a, b) => String(a.tag).localeCompare(String(b.tag), 'en', { sensitivity: 'base' }));
  else shown.sort((a, b) => b.count - a.count || String(a.tag).localeCompare(String(b.tag)));
  const max = Math.max(1, ...tags.map((t) => Number(t.count) || 0));
  const list = clear(view.list);
  for (const t of shown) {
    const weight = Math.min(4, 1 + Math.floor(4 * (Number(t.count) || 0) / max));
    const target = withChanges(state, { q: '', tag: [String(t.tag)], person: [], podcast: [], from: '', to: '', sort: '' });
    list.append(el('li', {}, stateLink(target, [el('span', { class: 'tag-name' }, String(t.tag)),
      el('span', { class: 'tag-count' }, el('span', { class: 'visually-hidden' }, ', '), Number(t.count).toLocaleString('en'),
        el('span', { class: 'visually-hidden' }, Number(t.count) === 1 ? ' episode' : ' episodes'))], { class: 'tag-tile weight-' + weight })));
  }
  const total = tags.length.toLocaleString('en') + (tags.length === 1 ? ' tag' : ' tags');
  view.status.textContent = needle ? shown.length + ' of ' + total : total;
  if (!shown.length) list.append(el('li', { class: 'muted' }, tags.length ? 'No tag contains \u201c' + needle + '\u201d.' : 'No tags yet: build the index first.'));
}
