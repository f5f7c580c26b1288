// The search view: facet sidebar, active-filter chips, hit list, "did you mean", empty state and pagination.
import { el, clear, markedText, dateElement, formatDuration, formatTimestamp, safeHref, icon } from './dom.js';
import { toSearch, withChanges, hasFilters, selectedYear, PAGE_SIZE } from './state.js';

const DIMENSIONS = [
  { key: 'tag', label: 'Tags', chip: 'Tag' },
  { key: 'person', label: 'People', chip: 'Person' },
  { key: 'podcast', label: 'Shows', chip: 'Show' },
  { key: 'year', label: 'Year', chip: 'Year' },
];
const COLLAPSED_SIZE = 8;
const MAX_WINDOW = 10000;
const expanded = new Set();

/** Internal link to another state; app.js intercepts clicks on [data-internal] and uses pushState. */
export function stateLink(state, label, attrs = {}) {
  return el('a', { ...attrs, href: toSearch(state), 'data-internal': true }, label);
}

/** Draws one search response into the search view. */
export function renderResults(view, results, state, navigate) {
  renderHeading(view, results, state);
  renderFacets(view.facets, results.facets ?? {}, state, navigate);
  renderChips(view, state, navigate);
  renderDidYouMean(view.didYouMean, results.didYouMean, state);
  renderHits(view.results, results.hits ?? [], state);
  renderEmpty(view, results, state, navigate);
  renderPagination(view.pagination, results, state);
}

function renderHeading(view, results, state) {
  const q = state.q.trim();
  view.heading.textContent = q ? 'Results for \u201c' + q + '\u201d' : hasFilters(state) ? 'Filtered episodes' : 'Latest episodes';
  const total = Number(results.total) || 0;
  const noun = total === 1 ? 'episode' : 'episodes';
  const took = Number.isFinite(results.tookMs) ? ' \u00b7 ' + results.tookMs + ' ms' : '';
  const pages = pageCount(results);
  const pageInfo = pages > 1 ? ' \u00b7 page ' + state.page + ' of ' + pages.toLocaleString('en') : '';
  view.status.textContent = total.toLocaleString('en') + ' ' + noun + pageInfo + took;
}

function renderFacets(container, facets, state, navigate) {
  const focused = document.activeElement?.dataset?.facetKey;
  clear(container);
  for (const dim of DIMENSIONS) {
    const values = facetValues(dim.key, facets[dim.key] ?? [], state);
    if (!values.length) continue;
    const isOpen = expanded.has(dim.key);
    const shown = isOpen ? values : values.slice(0, COLLAPSED_SIZE);
    const listId = 'facet-' + dim.key;
    const list = el('ul', { class: 'facet-list', id: listId });
    for (const v of shown) list.append(facetOption(dim.key, v, state, navigate));
    const group = el('fieldset', { class: 'facet' }, el('legend', { class: 'facet-legend' }, dim.label), list);
    if (values.length > COLLAPSED_SIZE) {
      const more = el('button', { type: 'button', class: 'link-button facet-more', 'aria-expanded': String(isOpen), 'aria-controls': listId },
        isOpen ? 'Show fewer' : 'Show all ' + values.length);
      more.addEventListener('click', () => {
        if (isOpen) expanded.delete(dim.key); else expanded.add(dim.key);
        renderFacets(container, facets, state, navigate);
        container.querySelector('#' + listId)?.parentElement?.querySelector('.facet-more')?.focus();
      });
      group.append(more);
    }
    container.append(group);
  }
  if (!container.childElementCount) container.append(el('p', { class: 'muted' }, 'No filters for these results.'));
  // re-rendering replaced the checkbox the user just ticked: give keyboard focus back to its successor
  if (focused) container.querySelector('[data-facet-key="' + CSS.escape(focused) + '"]')?.focus();
}

// selected values always stay visible (and removable) even when the server's top list leaves them out
function facetValues(key, values, state) {
  const year = selectedYear(state);
  const selected = key === 'year' ? (year ? [year] : []) : state[key];
  const list = values.map((v) => ({ value: String(v.value), count: v.count, selected: selected.includes(String(v.value)) }));
  for (const value of selected) if (!list.some((v) => v.value === value)) list.unshift({ value, count: 0, selected: true });
  if (key === 'year') list.sort((a, b) => b.value.localeCompare(a.value));
  return list;
}

function facetOption(key, v, state, navigate) {
  const id = 'f-' + key + '-' + v.value.replace(/[^a-z0-9]+/gi, '_') + '-' + hash(v.value);
  const box = el('input', { type: 'checkbox', id, 'data-facet-key': key + ':' + v.value, checked: v.selected });
  box.addEventListener('change', () => navigate(toggled(state, key, v.value, box.checked)));
  return el('li', { class: v.selected ? 'facet-option is-selected' : 'facet-option' },
    box,
    el('label', { for: id },
      el('span', { class: 'facet-name' }, v.value),
      el('span', { class: 'facet-count' }, el('span', { class: 'visually-hidden' }, ', '), Number(v.count).toLocaleString('en'),
        el('span', { class: 'visually-hidden' }, v.count === 1 ? ' episode' : ' episodes'))));
}

/** The state with one facet value switched on or off; years are exclusive because they set a date range. */
export function toggled(state, key, value, on) {
  if (key === 'year') return withChanges(state, on ? { from: value + '-01-01', to: value + '-12-31' } : { from: '', to: '' });
  const values = state[key].filter((v) => v !== value);
  if (on) values.push(value);
  return withChanges(state, { [key]: values });
}

function renderChips(view, state, navigate) {
  const chips = clear(view.chips);
  const year = selectedYear(state);
  const add = (label, value, next) => {
    const button = el('button', { type: 'button', class: 'chip', 'aria-label': 'Remove filter ' + label + ': ' + value },
      el('span', { class: 'chip-kind' }, label), el('span', { class: 'chip-value' }, value), icon('close'));
    button.addEventListener('click', () => {
      navigate(next);
      view.q.focus({ preventScroll: true });
    });
    chips.append(el('li', {}, button));
  };
  for (const dim of DIMENSIONS.slice(0, 3)) for (const value of state[dim.key]) add(dim.chip, value, toggled(state, dim.key, value, false));
  if (year) add('Year', year, withChanges(state, { from: '', to: '' }));
  else {
    if (state.from) add('From', state.from, withChanges(state, { from: '' }));
    if (state.to) add('To', state.to, withChanges(state, { to: '' }));
  }
  chips.hidden = !chips.childElementCount;
  view.clearFilters.hidden = !hasFilters(state);
}

function renderDidYouMean(container, suggestion, state) {
  clear(container);
  container.hidden = !suggestion;
  if (!suggestion) return;
  container.append('Did you mean ', stateLink(withChanges(state, { q: suggestion }), suggestion, { class: 'did-you-mean-link' }), '?');
}

function renderHits(list, hits, state) {
  clear(list);
  list.setAttribute('start', String((state.page - 1) * PAGE_SIZE + 1));
  for (const hit of hits) list.append(hitItem(hit, state));
}

/** One result card (also used for related episodes). */
export function hitItem(hit, state, { compact = false } = {}) {
  const episodeState = { ...state, view: 'episode', episode: String(hit.id) };
  const title = el(compact ? 'h3' : 'h2', { class: 'hit-title' },
    stateLink(episodeState, hit.title || 'Untitled episode', { class: 'hit-link' }));
  const item = el('li', { class: compact ? 'hit hit-compact' : 'hit' }, title, hitMeta(hit));
  if (!compact && hit.snippet) item.append(el('p', { class: 'snippet' }, markedText(hit.snippet)));
  if (!compact && hit.moments?.length) item.append(momentList(hit.moments.slice(0, 3), hit));
  if (!compact && hit.mentions > 0 && state.q.trim()) {
    item.append(el('p', { class: 'mentions' }, hit.mentions + (hit.mentions === 1 ? ' mention' : ' mentions') + ' in the transcript'));
  }
  const foot = hitFoot(hit, state, compact);
  if (foot) item.append(foot);
  return item;
}

function hitMeta(hit) {
  const parts = [];
  if (hit.podcast) parts.push(el('span', { class: 'hit-podcast' }, hit.podcast));
  const date = dateElement(hit.published);
  if (date) parts.push(date);
  const duration = formatDuration(hit.durationSeconds);
  if (duration) parts.push(el('span', {}, duration));
  const meta = el('p', { class: 'hit-meta' });
  parts.forEach((p, i) => meta.append(...(i ? [el('span', { class: 'sep', 'aria-hidden': 'true' }, '\u00b7'), p] : [p])));
  return meta;
}

function hitFoot(hit, state, compact) {
  const foot = el('div', { class: 'hit-foot' });
  const people = hit.people ?? [];
  if (people.length && !compact) {
    foot.append(el('p', { class: 'hit-people' }, icon('user'), el('span', { class: 'visually-hidden' }, 'People: '),
      el('span', {}, people.slice(0, 4).map((p, i) => [i ? ', ' : '', el('span', { class: 'person' }, p.name),
        p.role && p.role !== 'unknown' ? el('span', { class: 'role' }, ' (' + p.role + ')') : '']),
      people.length > 4 ? ' +' + (people.length - 4) + ' more' : '')));
  }
  const tags = hit.tags ?? [];
  if (tags.length) {
    const list = el('ul', { class: 'tag-pills', 'aria-label': 'Tags' });
    for (const tag of tags.slice(0, compact ? 3 : 6)) {
      const active = state.tag.includes(tag);
      const next = compact ? withChanges(state, { q: '', tag: [tag], person: [], podcast: [], from: '', to: '' }) : toggled(state, 'tag', tag, !active);
      list.append(el('li', {}, stateLink(next, tag, { class: active ? 'tag-pill is-active' : 'tag-pill',
        title: active ? 'Remove tag filter' : 'Filter by tag ' + tag })));
    }
    foot.append(list);
  }
  return foot.childElementCount ? foot : null;
}

/** Transcript moments: a timestamp linking to the audio at that second, the speaker and the highlighted words. */
export function momentList(moments, hit) {
  const list = el('ul', { class: 'moments', 'aria-label': 'Matching moments' });
  for (const m of moments) {
    const href = safeHref(m.link) ?? null;
    const stamp = formatTimestamp(m.start);
    const time = href
      ? el('a', { class: 'timestamp', href, rel: 'noopener noreferrer', 'aria-label': 'Play from ' + stamp }, icon('play'), stamp)
      : el('span', { class: 'timestamp' }, stamp);
    const body = el('span', { class: 'moment-text' });
    if (m.speaker) body.append(el('span', { class: 'speaker' }, m.speaker + ': '));
    body.append(markedText(m.text));
    if (m.chapter) body.append(el('span', { class: 'moment-chapter' }, ' \u2014 ' + m.chapter));
    list.append(el('li', { class: 'moment' }, time, body));
  }
  return list;
}

function renderEmpty(view, results, state, navigate) {
  const empty = clear(view.empty);
  const none = !(Number(results.total) > 0) || !(results.hits ?? []).length;
  empty.hidden = !none;
  if (!none) return;
  const q = state.q.trim();
  const beyond = Number(results.total) > 0;
  empty.append(el('h2', { class: 'empty-title' }, beyond ? 'No more results on this page' : q ? 'No episodes match \u201c' + q + '\u201d' : 'No episodes here yet'));
  const tips = el('ul', { class: 'empty-tips' });
  if (beyond) tips.append(el('li', {}, stateLink(withChanges(state, {}), 'Go to the first page')));
  if (q) tips.append(el('li', {}, 'Check the spelling, or try fewer or more general words.'));
  if (hasFilters(state)) {
    const button = el('button', { type: 'button', class: 'link-button' }, 'Remove all filters');
    button.addEventListener('click', () => navigate(withChanges(state, { tag: [], person: [], podcast: [], from: '', to: '' })));
    tips.append(el('li', {}, button));
  }
  tips.append(el('li', {}, 'Browse ', stateLink({ ...withChanges(state, { q: '', tag: [], person: [], podcast: [], from: '', to: '' }), view: 'tags' }, 'all tags'), '.'));
  if (!q && !hasFilters(state)) tips.replaceChildren(el('li', {}, 'Build the index with the reindex command, then reload this page.'));
  empty.append(tips);
}

function pageCount(results) {
  const size = Number(results.size) || PAGE_SIZE;
  const total = Math.min(Number(results.total) || 0, MAX_WINDOW);
  return Math.max(1, Math.ceil(total / size));
}

function renderPagination(nav, results, state) {
  clear(nav);
  const pages = pageCount(results);
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  const current = Math.min(state.page, pages);
  const list = el('ul', { class: 'pages' });
  const link = (page, label, attrs = {}) => stateLink(withChanges(state, { page }), label, attrs);
  list.append(el('li', {}, current > 1
    ? link(current - 1, [icon('back'), el('span', {}, 'Previous')], { class: 'page-step', rel: 'prev' })
    : el('span', { class: 'page-step is-disabled', 'aria-disabled': 'true' }, icon('back'), el('span', {}, 'Previous'))));
  let last = 0;
  for (const page of pageWindow(current, pages)) {
    if (page - last > 1) list.append(el('li', { class: 'page-gap', 'aria-hidden': 'true' }, '\u2026'));
    list.append(el('li', {}, page === current
      ? el('a', { class: 'page-number is-current', href: toSearch(withChanges(state, { page })), 'data-internal': true, 'aria-current': 'page', 'aria-label': 'Page ' + page }, String(page))
      : link(page, String(page), { class: 'page-number', 'aria-label': 'Page ' + page })));
    last = page;
  }
  list.append(el('li', {}, current < pages
    ? link(current + 1, [el('span', {}, 'Next'), icon('next')], { class: 'page-step', rel: 'next' })
    : el('span', { class: 'page-step is-disabled', 'aria-disabled': 'true' }, el('span', {}, 'Next'), icon('next'))));
  nav.append(list);
}

function pageWindow(current, pages) {
  const set = new Set([1, pages, current - 1, current, current + 1]);
  return [...set].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
}

function hash(s) {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.codePointAt(0)) | 0;
  return (h >>> 0).toString(36);
}
