// Safe DOM building: every string goes in through textContent; the only markup we accept is <mark> in server
// snippets, and even that is rebuilt node by node rather than assigned as HTML.

/** Creates an element with attributes (strings only; event handlers are never set this way) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) throw new Error('event handler attributes are not allowed: ' + name);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Removes every child of a node. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '\u2026' };

/** Turns the entities of an escaped string back into characters, so they can be set as text. */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * A fragment from escaped server HTML in which only <mark>…</mark> is markup. Any other tag-like text stays literal
 * text, so a snippet can never create elements other than <mark>.
 */
export function markedText(escaped) {
  const fragment = document.createDocumentFragment();
  let inMark = false;
  for (const part of String(escaped ?? '').split(/(<mark>|<\/mark>)/i)) {
    const lower = part.toLowerCase();
    if (lower === '<mark>') { inMark = true; continue; }
    if (lower === '</mark>') { inMark = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(decodeEntities(part));
    fragment.append(inMark ? el('mark', {}, text) : text);
  }
  return fragment;
}

/** Plain text with the given words wrapped in <mark>, built from text nodes (used to mark query words client-side). */
export function highlightWords(text, words) {
  const fragment = document.createDocumentFragment();
  const terms = words.filter((w) => w.length > 1).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!terms.length) {
    fragment.append(text);
    return fragment;
  }
  const re = new RegExp('(' + terms.join('|') + ')', 'gi');
  text.split(re).forEach((part, i) => {
    if (part) fragment.append(i % 2 ? el('mark', {}, part) : document.createTextNode(part));
  });
  return fragment;
}

/** The URL if it is an absolute http(s) URL, else null: javascript:, data: and friends never become links. */
export function safeHref(url) {
  if (typeof url !== 'string' || !url.trim()) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An external link if the URL is safe, else the label as plain text. */
export function externalLink(url, label, attrs = {}) {
  const href = safeHref(url);
  if (!href) return el('span', { class: attrs.class }, label);
  return el('a', { ...attrs, href, rel: 'noopener noreferrer nofollow' }, label);
}

/** An audio URL that starts at the given second (the media fragment #t=). */
export function audioAt(audioUrl, seconds) {
  const href = safeHref(audioUrl);
  if (!href) return null;
  return href.replace(/#.*$/, '') + '#t=' + Math.max(0, Math.floor(seconds));
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A <time> element for an ISO day (YYYY-MM-DD), shown as "3 Mar 2024"; null when there is no date. */
export function dateElement(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const date = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  if (Number.isNaN(date.getTime())) return null;
  return el('time', { datetime: iso.slice(0, 10) }, DATE_FORMAT.format(date));
}

/** "1 h 05 min", "42 min": a duration for people. */
export function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds <= 0) return '';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes + ' min';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h + ' h ' + String(m).padStart(2, '0') + ' min';
}

/** "1:02:03" or "4:05": a transcript timestamp. */
export function formatTimestamp(seconds) {
  const total = Math.max(0, Math.floor(Number(seconds) || 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return (h ? h + ':' : '') + mm + ':' + String(s).padStart(2, '0');
}

/** An inline SVG icon from the small set below; decorative, hidden from assistive technology. */
export function icon(name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  for (const d of ICONS[name] ?? []) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

const ICONS = {
  play: ['M8 5v14l11-7z'],
  mic: ['M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3'],
  clock: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M12 7v5l3 2'],
  tag: ['M3 12V4h8l10 10-8 8z', 'M7.5 7.5h.01'],
  user: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21a8 8 0 0 1 16 0'],
  back: ['M15 18l-6-6 6-6'],
  next: ['M9 6l6 6-6 6'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  link: ['M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1', 'M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1'],
};
