// Wires the page together: URL state <-> views, the search box (as-you-type, Enter, "/", suggestions) and errors.
import { getJson, ApiError } from './api.js';
import { parseState, toSearch, apiQuery, withChanges, hasFilters, effectiveSort } from './state.js';
import { renderResults } from './results.js';
import { renderEpisode } from './episode.js';
import { renderTags } from './tags.js';
import { el, clear } from './dom.js';

const $ = (id) => document.getElementById(id);
const q = $('q');
const views = { search: $('search-view'), tags: $('tags-view'), episode: $('episode-view') };
const searchView = {
  heading: $('results-heading'), status: $('status'), facets: $('facets'), chips: $('chips'), didYouMean: $('did-you-mean'),
  results: $('results'), empty: $('empty'), pagination: $('pagination'), clearFilters: $('clear-filters'), q,
};
const tagsView = { list: $('tag-list'), status: $('tags-status'), filter: $('tag-filter'), byCount: $('tags-by-count'), byName: $('tags-by-name') };

const TYPING_DELAY_MS = 200;
let current = parseState();
let controller = null;
let typing = false; // a run of as-you-type searches shares one history entry
let typingTimer = 0;
let busyTimer = 0;
const hitsById = new Map(); // hits seen in result lists, so an episode opened from one can show its moments

/** Goes to a new state: one history entry (or a replaced one), then draws it. */
function navigate(state, { replace = false, focus = null, scroll = true } = {}) {
  typing = false;
  clearTimeout(typingTimer);
  const fromSearch = current.view === 'search' && state.view === 'episode';
  history[replace ? 'replaceState' : 'pushState']({ fromSearch }, '', toSearch(state));
  current = state;
  render(state, { focus, scroll });
}

window.addEventListener('popstate', () => {
  typing = false;
  const next = parseState();
  // a skip link or other in-page anchor also fires popstate: nothing to redraw then
  if (toSearch(next) === toSearch(current) && next.view === current.view) return;
  current = next;
  render(current, { fromHistory: true });
});

async function render(state, opts = {}) {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  hideError();
  // never show the previous episode's page while another one loads
  if (state.view === 'episode' && views.episode.dataset.episode !== state.episode) clear(views.episode);
  showView(state.view);
  syncControls(state, opts);
  setBusy(true);
  document.body.dataset.render = 'loading';
  try {
    if (state.view === 'episode') await showEpisode(state, signal, opts);
    else if (state.view === 'tags') await showTags(state, signal);
    else await showSearch(state, signal, opts);
    if (opts.scroll && !opts.typing) window.scrollTo(0, 0);
    document.body.dataset.render = 'done';
  } catch (e) {
    if (e.name === 'AbortError') return;
    showError(e, state);
    document.body.dataset.render = 'error';
  } finally {
    if (!signal.aborted) setBusy(false);
  }
}

function showView(name) {
  for (const [key, node] of Object.entries(views)) node.hidden = key !== name;
  $('nav-tags').toggleAttribute('aria-current', name === 'tags');
  if (name === 'tags') $('nav-tags').setAttribute('aria-current', 'page');
}

function syncControls(state, opts) {
  if (!(opts.typing && document.activeElement === q)) q.value = state.q;
  $('sort').value = effectiveSort(state);
}

async function showSearch(state, signal, opts) {
  const results = await getJson('api/search?' + apiQuery(state), signal);
  if (hitsById.size > 500) hitsById.clear();
  for (const hit of results.hits ?? []) hitsById.set(String(hit.id), hit);
  renderResults(searchView, results, state, (next) => navigate(next, { scroll: false }));
  updateFilterToggle(state);
  document.title = (state.q.trim() ? state.q.trim() + ' \u2013 ' : '') + 'podsearch';
  if (opts.focus === 'results') searchView.heading.focus({ preventScroll: true });
}

async function showEpisode(state, signal, opts) {
  const data = await getJson('api/episodes/' + encodeURIComponent(state.episode), signal);
  const backState = { ...state, view: 'search', episode: '' };
  const withContext = Boolean(state.q.trim()) || hasFilters(state) || state.page > 1;
  views.episode.dataset.episode = state.episode;
  const episode = renderEpisode(views.episode, data, state, { backState, backLabel: withContext ? 'Back to results' : 'All episodes', hit: hitsById.get(state.episode) });
  document.title = (episode.title || 'Episode') + ' \u2013 podsearch';
  if (opts.focus === 'episode') $('episode-title')?.focus({ preventScroll: true });
}

async function showTags(state, signal) {
  const tags = await getJson('api/tags', signal);
  renderTags(tagsView, Array.isArray(tags) ? tags : [], state);
  document.title = 'All tags \u2013 podsearch';
}

// --- errors and loading -------------------------------------------------------------------------------------------

function showError(e, state) {
  const box = clear($('error'));
  const known = e instanceof ApiError;
  const title = known ? (e.status === 404 && state.view === 'episode' ? 'Episode not found' : e.title) : 'Something went wrong';
  const details = known ? e.details : 'The page could not show this answer. Please try again.';
  const retry = el('button', { type: 'button', class: 'button' }, 'Try again');
  retry.addEventListener('click', () => render(state, {}));
  box.append(el('h2', { class: 'error-title' }, title));
  if (details) box.append(el('p', { class: 'error-details' }, details));
  const actions = el('p', { class: 'error-actions' }, retry);
  if (state.view !== 'search' || state.q || hasFilters(state)) {
    actions.append(' ', el('a', { href: './', 'data-internal': true, class: 'button button-quiet' }, 'Start over'));
  }
  box.append(actions);
  box.hidden = false;
  if (state.view === 'search') {
    views.search.classList.add('has-error');
    clear(searchView.results);
    searchView.empty.hidden = true;
    searchView.pagination.hidden = true;
    searchView.status.textContent = 'No results: ' + title;
  } else {
    views[state.view].hidden = true;
  }
  if (!known) console.error(e);
}

function hideError() {
  $('error').hidden = true;
  views.search.classList.remove('has-error');
}

function setBusy(busy) {
  clearTimeout(busyTimer);
  searchView.results.setAttribute('aria-busy', String(busy));
  // only show the loading bar if an answer takes a moment: no flicker on fast searches
  if (busy) busyTimer = setTimeout(() => document.body.classList.add('is-loading'), 150);
  else document.body.classList.remove('is-loading');
}

// --- the search box -----------------------------------------------------------------------------------------------

q.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(searchAsTyped, TYPING_DELAY_MS);
  scheduleSuggestions();
});

function searchAsTyped() {
  if (q.value === current.q && current.view === 'search') return;
  const next = withChanges(current, { q: q.value, sort: current.sort });
  history[typing ? 'replaceState' : 'pushState']({}, '', toSearch(next));
  typing = true;
  current = next;
  render(next, { typing: true });
}

$('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  closeSuggestions();
  const next = withChanges(current, { q: q.value });
  const same = current.view === 'search' && toSearch(next) === toSearch(current);
  navigate(next, { replace: same || typing, focus: null });
});

$('sort').addEventListener('change', (ev) => navigate(withChanges(current, { sort: ev.target.value }), { scroll: false }));
$('clear-filters').addEventListener('click', () => {
  navigate(withChanges(current, { tag: [], person: [], podcast: [], from: '', to: '' }), { scroll: false });
  q.focus({ preventScroll: true }); // the button hides itself: keep focus somewhere useful
});

const filterToggle = el('button', { type: 'button', class: 'button filter-toggle', 'aria-expanded': 'false', 'aria-controls': 'facets' }, 'Filters');
$('search-view').querySelector('.results-bar').append(filterToggle);
filterToggle.addEventListener('click', () => {
  const open = filterToggle.getAttribute('aria-expanded') !== 'true';
  filterToggle.setAttribute('aria-expanded', String(open));
  $('search-view').classList.toggle('filters-open', open);
});

function updateFilterToggle(state) {
  const n = state.tag.length + state.person.length + state.podcast.length + (state.from || state.to ? 1 : 0);
  filterToggle.textContent = n ? 'Filters (' + n + ')' : 'Filters';
}

// internal links change state without reloading; modified clicks (new tab, ...) keep their normal meaning
document.addEventListener('click', (ev) => {
  const a = ev.target.closest?.('a[data-internal]');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  if (a.hasAttribute('data-back') && history.state?.fromSearch) {
    history.back();
    return;
  }
  const url = new URL(a.href);
  const next = parseState(url.search, url.hash);
  const focus = next.view === 'episode' ? 'episode' : a.closest('.pagination') ? 'results' : null;
  navigate(next, { focus });
});

document.addEventListener('keydown', (ev) => {
  if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey || isEditable(ev.target)) return;
  ev.preventDefault();
  q.focus();
  q.select();
});

// arrows walk the result titles (and back up into the box), so a keyboard user need not Tab through every tag
searchView.results.addEventListener('keydown', (ev) => {
  if ((ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') || !ev.target.classList?.contains('hit-link')) return;
  const links = [...searchView.results.querySelectorAll('.hit-link')];
  const next = links.indexOf(ev.target) + (ev.key === 'ArrowDown' ? 1 : -1);
  ev.preventDefault();
  if (next < 0) q.focus();
  else links[Math.min(next, links.length - 1)].focus();
});

function isEditable(node) {
  return node instanceof HTMLElement && (node.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(node.tagName));
}

// --- typeahead suggestions (a combobox: arrows move, Enter picks, Escape closes) ------------------------------------

const list = $('suggestions');
let suggestTimer = 0;
let suggestController = null;
let suggestions = [];
let active = -1;

function scheduleSuggestions() {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(loadSuggestions, 120);
}

async function loadSuggestions() {
  const text = q.value.trim();
  suggestController?.abort();
  if (text.length < 2) return closeSuggestions();
  suggestController = new AbortController();
  try {
    const found = await getJson('api/suggest?q=' + encodeURIComponent(text), suggestController.signal);
    openSuggestions(Array.isArray(found) ? found.filter((s) => s && s.text).slice(0, 8) : []);
  } catch (e) {
    // a newer request replaced this one; any other failure just hides the list (suggestions are a nicety)
    if (e.name !== 'AbortError') closeSuggestions();
  }
}

function openSuggestions(items) {
  suggestions = items;
  active = -1;
  clear(list);
  if (!items.length || document.activeElement !== q) return closeSuggestions();
  items.forEach((s, i) => {
    const option = el('li', { id: 'suggestion-' + i, role: 'option', class: 'suggestion', 'aria-selected': 'false' },
      el('span', { class: 'suggestion-text' }, s.text), el('span', { class: 'suggestion-kind' }, kindLabel(s.kind)));
    option.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep focus in the box
    option.addEventListener('click', () => pick(s));
    list.append(option);
  });
  list.hidden = false;
  q.setAttribute('aria-expanded', 'true');
}

function kindLabel(kind) {
  return { title: 'episode', person: 'person', tag: 'tag', podcast: 'show' }[kind] ?? String(kind ?? '');
}

function closeSuggestions() {
  clearTimeout(suggestTimer); // a list still on its way must not pop up after Enter or a pick
  suggestController?.abort();
  list.hidden = true;
  clear(list);
  suggestions = [];
  active = -1;
  q.setAttribute('aria-expanded', 'false');
  q.removeAttribute('aria-activedescendant');
}

function move(delta) {
  const n = suggestions.length;
  if (!n) return;
  // positions -1 .. n-1 form a ring; -1 means back in the box
  active = ((active + 1 + delta + n + 1) % (n + 1)) - 1;
  [...list.children].forEach((node, i) => node.setAttribute('aria-selected', String(i === active)));
  if (active >= 0) q.setAttribute('aria-activedescendant', 'suggestion-' + active);
  else q.removeAttribute('aria-activedescendant');
}

function pick(s) {
  closeSuggestions();
  clearTimeout(typingTimer);
  if (['tag', 'person', 'podcast'].includes(s.kind)) {
    const values = current[s.kind].includes(s.text) ? current[s.kind] : [...current[s.kind], s.text];
    navigate(withChanges(current, { q: '', [s.kind]: values }), { replace: typing });
  } else {
    navigate(withChanges(current, { q: s.text }), { replace: typing });
  }
}

q.addEventListener('keydown', (ev) => {
  const open = !list.hidden;
  if (ev.key === 'ArrowDown' && open) { ev.preventDefault(); move(1); }
  else if (ev.key === 'ArrowDown' && !views.search.hidden && searchView.results.querySelector('.hit-link')) {
    ev.preventDefault(); // from the box straight to the first result; Tab and Shift+Tab go on from there
    searchView.results.querySelector('.hit-link').focus();
  }
  else if (ev.key === 'ArrowUp' && open) { ev.preventDefault(); move(-1); }
  else if (ev.key === 'Enter' && open && active >= 0) { ev.preventDefault(); pick(suggestions[active]); }
  else if (ev.key === 'Escape' && open) { ev.preventDefault(); closeSuggestions(); }
});
q.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

// --- start --------------------------------------------------------------------------------------------------------

history.replaceState(history.state ?? {}, '', location.pathname + location.search + location.hash);
render(current, {});
