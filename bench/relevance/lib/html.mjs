// HTML to plain text for the engines that index raw strings (tec does this itself).
import { decode } from 'html-entities';

const DROP_ELEMENTS = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const TAG = /<\/?[A-Za-z][^>]*>|<![^>]*>/g;

// Removes comments, script/style contents and tags (each replaced by a space so
// that "<p>a</p><p>b</p>" stays two words), then decodes HTML5 entities.
export function htmlToText(html) {
  if (typeof html !== 'string' || html === '') return '';
  const stripped = html.replace(COMMENTS, ' ').replace(DROP_ELEMENTS, ' ').replace(TAG, ' ');
  return decode(stripped, { level: 'html5', scope: 'body' }).replace(/\s+/g, ' ').trim();
}

// The four searchable fields every non-tec adapter indexes, as plain text.
// Like tec-index, only the body is read as HTML; title and summary are plain text.
export function searchableFields(record) {
  const str = (v) => (typeof v === 'string' ? v : '');
  return {
    title: str(record.title),
    summary: str(record.summary),
    themes: Array.isArray(record.themes) ? record.themes.filter((t) => typeof t === 'string').join(' ; ') : '',
    body: htmlToText(str(record.body)),
  };
}
