// The episode view: everything stored about one episode, its chapters, transcript moments and related episodes.
import { el, clear, dateElement, formatDuration, formatTimestamp, externalLink, audioAt, highlightWords, icon } from './dom.js';
import { withChanges } from './state.js';
import { stateLink, hitItem, momentList } from './results.js';

const TRANSCRIPT_PAGE = 150;
const NOTES_FOLD_CHARS = 1200;

/** Accepts both {episode, related} and an episode flattened to the top level with a related list. */
export function episodeOf(data) {
  if (data && typeof data.episode === 'object' && data.episode) return { episode: data.episode, related: data.related ?? [] };
  return { episode: data ?? {}, related: data?.related ?? [] };
}

/** Draws an episode; {@code hit} is the search hit it was opened from, if any, for its server-side moments. */
export function renderEpisode(article, data, state, { backState, backLabel, hit }) {
  const { episode: e, related } = episodeOf(data);
  clear(article);
  const back = stateLink(backState, [icon('back'), el('span', {}, backLabel)], { class: 'back-link', 'data-back': true });
  article.append(back, header(e));
  const main = el('div', { class: 'episode-main' });
  const side = el('aside', { class: 'episode-side', 'aria-label': 'Episode details' });
  article.append(el('div', { class: 'episode-body' }, main, side));

  const words = queryWords(state.q);
  if (words.length && (hit?.moments?.length || e.transcript?.length)) main.append(moments(e, words, hit, state.q));
  if (e.description) main.append(section('About this episode', 'about', paragraphs(e.description, words)));
  if (e.text && e.text.trim() !== (e.description ?? '').trim()) {
    main.append(section('Show notes', 'notes', ...clamped(paragraphs(e.text, words), e.text.length)));
  }
  if (e.transcript?.length) main.append(transcript(e, words));
  if (!main.childElementCount) main.append(el('p', { class: 'muted' }, 'No notes or transcript for this episode.'));

  if (e.people?.length) side.append(section('People', 'people', peopleList(e.people, state)));
  if (e.tags?.length) side.append(section('Tags', 'tags', tagList(e.tags, state)));
  if (e.chapters?.length) side.append(section('Chapters', 'chapters', chapterList(e)));
  if (related.length) {
    const list = el('ol', { class: 'related' });
    for (const r of related) list.append(hitItem(r, withChanges(state, { q: '' }), { compact: true }));
    side.append(section('Related episodes', 'related', list));
  }
  return e;
}

function header(e) {
  const eyebrow = el('p', { class: 'eyebrow' });
  if (e.podcast) eyebrow.append(el('span', { class: 'episode-podcast' }, e.podcast));
  const number = [e.season ? 'Season ' + e.season : '', e.episodeNumber ? 'Episode ' + e.episodeNumber : ''].filter(Boolean).join(', ');
  if (number) eyebrow.append(el('span', { class: 'sep', 'aria-hidden': 'true' }, '\u00b7'), el('span', {}, number));
  const meta = el('p', { class: 'episode-meta' });
  const date = dateElement(e.published);
  if (date) meta.append(icon('clock'), date);
  const duration = formatDuration(e.durationSeconds);
  if (duration) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true' }, '\u00b7'), el('span', {}, duration));
  const actions = el('p', { class: 'episode-actions' });
  const audio = externalLink(e.audioUrl, null);
  if (audio.tagName === 'A') actions.append(externalLink(e.audioUrl, [icon('play'), el('span', {}, 'Play audio')], { class: 'button button-primary' }));
  const page = externalLink(e.url, null);
  if (page.tagName === 'A') actions.append(externalLink(e.url, [icon('link'), el('span', {}, 'Episode page')], { class: 'button' }));
  const head = el('header', { class: 'episode-head' }, eyebrow, el('h1', { id: 'episode-title', tabindex: '-1' }, e.title || 'Untitled episode'), meta);
  if (actions.childElementCount) head.append(actions);
  return head;
}

function section(title, name, ...content) {
  const id = 'episode-' + name;
  return el('section', { class: 'episode-section section-' + name, 'aria-labelledby': id }, el('h2', { id }, title), ...content);
}

// plain text in paragraphs, the query's words marked (built from text nodes, never parsed as HTML)
function paragraphs(text, words = []) {
  const box = el('div', { class: 'prose' });
  for (const para of String(text).split(/\n\s*\n/)) if (para.trim()) box.append(el('p', {}, highlightWords(para.trim(), words)));
  return box;
}

// long notes (a whole page imported as text) start folded, so the transcript and chapters stay within reach
function clamped(box, length) {
  if (length < NOTES_FOLD_CHARS) return [box];
  box.id = 'notes-text';
  box.classList.add('is-folded');
  const toggle = el('button', { type: 'button', class: 'button button-quiet fold-toggle', 'aria-expanded': 'false', 'aria-controls': 'notes-text' }, 'Show all notes');
  toggle.addEventListener('click', () => {
    const open = box.classList.toggle('is-folded') === false;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Show less' : 'Show all notes';
  });
  return [box, toggle];
}

function peopleList(people, state) {
  const list = el('ul', { class: 'people' });
  for (const p of people) {
    const link = stateLink(withChanges(state, { q: '', tag: [], person: [p.name], podcast: [], from: '', to: '' }), p.name, { class: 'person-link' });
    const item = el('li', { class: 'person-item' }, el('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(p.name)), link);
    if (p.role && p.role !== 'unknown') item.append(el('span', { class: 'role-badge role-' + p.role }, p.role));
    list.append(item);
  }
  return list;
}

function initials(name) {
  return String(name).split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
}

function tagList(tags, state) {
  const list = el('ul', { class: 'tag-pills' });
  for (const tag of tags) {
    list.append(el('li', {}, stateLink(withChanges(state, { q: '', tag: [tag], person: [], podcast: [], from: '', to: '' }), tag, { class: 'tag-pill' })));
  }
  return list;
}

function chapterList(e) {
  const list = el('ol', { class: 'chapters' });
  for (const c of e.chapters) {
    const stamp = formatTimestamp(c.start);
    const href = audioAt(e.audioUrl, c.start);
    const time = href ? el('a', { class: 'timestamp', href, rel: 'noopener noreferrer', 'aria-label': 'Play from ' + stamp }, stamp) : el('span', { class: 'timestamp' }, stamp);
    list.append(el('li', { class: 'chapter' }, time, el('span', { class: 'chapter-title' }, c.title || 'Untitled chapter')));
  }
  return list;
}

function queryWords(q) {
  return String(q ?? '').toLowerCase().replace(/["()+\-*~^:]/g, ' ').split(/\s+/)
    .filter((w) => w.length > 1 && !['and', 'or', 'not', 'the', 'a', 'of', 'to', 'in'].includes(w));
}

// the server's moments when we came from a hit, else cues matching the query words, found here
function moments(e, words, hit, q) {
  const title = 'Moments matching \u201c' + q.trim() + '\u201d';
  if (hit?.moments?.length) return section(title, 'moments', momentList(hit.moments, hit));
  const matches = (e.transcript ?? []).filter((c) => words.some((w) => String(c.text).toLowerCase().includes(w))).slice(0, 8);
  if (!matches.length) return section(title, 'moments', el('p', { class: 'muted' }, 'The transcript does not mention these words.'));
  return section(title, 'moments', cueList(e, matches, words, 'moments'));
}

function transcript(e, words) {
  const cues = e.transcript;
  const filterId = 'transcript-filter';
  const input = el('input', { id: filterId, type: 'search', placeholder: 'Find in transcript', spellcheck: 'false' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const box = el('div', { class: 'transcript-cues' });
  const more = el('button', { type: 'button', class: 'button button-quiet' });
  let limit = TRANSCRIPT_PAGE;
  const draw = () => {
    const needle = input.value.trim().toLowerCase();
    const found = needle ? cues.filter((c) => String(c.text).toLowerCase().includes(needle) || String(c.speaker ?? '').toLowerCase().includes(needle)) : cues;
    box.replaceChildren(cueList(e, found.slice(0, limit), needle ? [needle] : words, 'transcript'));
    status.textContent = needle ? found.length + (found.length === 1 ? ' line matches' : ' lines match') : cues.length + ' lines';
    more.hidden = found.length <= limit;
    more.textContent = 'Show ' + Math.min(TRANSCRIPT_PAGE, found.length - limit) + ' more lines';
  };
  let timer;
  input.addEventListener('input', () => { clearTimeout(timer); limit = TRANSCRIPT_PAGE; timer = setTimeout(draw, 150); });
  more.addEventListener('click', () => { limit += TRANSCRIPT_PAGE; draw(); });
  draw();
  const tools = el('div', { class: 'transcript-tools' }, el('label', { for: filterId, class: 'visually-hidden' }, 'Find in transcript'), input, status);
  return section('Transcript', 'transcript', tools, box, more);
}

function cueList(e, cues, words, kind) {
  const list = el('ol', { class: 'cues cues-' + kind });
  let lastSpeaker = null;
  for (const c of cues) {
    const stamp = formatTimestamp(c.start);
    const href = audioAt(e.audioUrl, c.start);
    const time = href ? el('a', { class: 'timestamp', href, rel: 'noopener noreferrer', 'aria-label': 'Play from ' + stamp }, stamp) : el('span', { class: 'timestamp' }, stamp);
    const body = el('p', { class: 'cue-text' });
    if (c.speaker && (c.speaker !== lastSpeaker || kind === 'moments')) body.append(el('span', { class: 'speaker' }, c.speaker + ': '));
    lastSpeaker = c.speaker;
    body.append(highlightWords(String(c.text ?? ''), words));
    list.append(el('li', { class: 'cue' }, time, body));
  }
  return list;
}
