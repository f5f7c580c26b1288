// The whole page state lives in the URL query string, so reload, share, back and forward all just work.

const LISTS = ['tag', 'person', 'podcast'];
export const PAGE_SIZE = 10;

/** The state a URL describes. */
export function parseState(search = location.search, hash = location.hash) {
  const params = new URLSearchParams(search);
  const page = parseInt(params.get('page') ?? '1', 10);
  const state = {
    view: params.get('view') === 'tags' ? 'tags' : 'search',
    episode: params.get('episode') || '',
    q: params.get('q') ?? '',
    sort: ['date', 'relevance'].includes(params.get('sort')) ? params.get('sort') : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  for (const key of LISTS) state[key] = unique(params.getAll(key).filter((v) => v !== ''));
  if (state.episode) state.view = 'episode';
  // #/tags is accepted as an alias of ?view=tags
  if (hash === '#/tags') state.view = 'tags';
  return state;
}

/** The query string for a state: only what differs from the defaults, in a stable order. */
export function toSearch(state) {
  const params = new URLSearchParams();
  if (state.view === 'tags') params.set('view', 'tags');
  if (state.view === 'episode' && state.episode) params.set('episode', state.episode);
  if (state.q) params.set('q', state.q);
  for (const key of LISTS) for (const value of state[key] ?? []) params.append(key, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.view !== 'tags') {
    if (state.sort) params.set('sort', state.sort);
    if (state.page > 1) params.set('page', String(state.page));
  }
  const s = params.toString();
  return s ? '?' + s : location.pathname;
}

/** The API query string for a search state. */
export function apiQuery(state) {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const key of LISTS) for (const value of state[key]) params.append(key, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  params.set('sort', effectiveSort(state));
  params.set('page', String(state.page));
  params.set('size', String(PAGE_SIZE));
  return params.toString();
}

/** A copy of a search state with changes; any change of filters or query goes back to page 1. */
export function withChanges(state, changes) {
  const next = { ...state, tag: [...state.tag], person: [...state.person], podcast: [...state.podcast], ...changes };
  if (!('page' in changes)) next.page = 1;
  if (!('view' in changes)) next.view = 'search';
  if (next.view !== 'episode') next.episode = '';
  return next;
}

/** Whether any filter (tag, person, podcast or dates) is active. */
export function hasFilters(state) {
  return LISTS.some((key) => state[key].length > 0) || Boolean(state.from || state.to);
}

/** The year a from/to pair covers exactly, or null. */
export function selectedYear(state) {
  const m = /^(\d{4})-01-01$/.exec(state.from);
  return m && state.to === m[1] + '-12-31' ? m[1] : null;
}

function unique(values) {
  return [...new Set(values)];
}

/** The sort the server is asked for: relevance for a query, newest first for browsing, unless the user chose. */
export function effectiveSort(state) {
  return state.sort || (state.q.trim() ? 'relevance' : 'date');
}
