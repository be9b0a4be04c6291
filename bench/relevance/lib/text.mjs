// Small text helpers shared by the adapters (no npm dependency here).

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

// Splits text into words made of Unicode letters, digits and combining marks.
// Everything else (spaces, punctuation, apostrophes, hyphens, query syntax) separates words.
export function words(text) {
  return (String(text ?? '').normalize('NFC').match(WORD) ?? []);
}

// Lower-case and remove diacritics (NFD, then drop combining marks): "Élu" -> "elu".
export function foldAccents(text) {
  return String(text).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

