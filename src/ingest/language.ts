// A cheap script-and-stopword language guess: enough to tell the pipeline when text is not English.
// One pass over the sample counts letters and scripts, another reads its words: the regex matches this
// replaces (one array per script, one filter per language) cost more than the rest of the document set-up.
const SCRIPTS: Array<[number, number, string]> = [
  [0x0400, 0x04ff, "ru"],
  [0x0600, 0x06ff, "ar"],
  [0x0590, 0x05ff, "he"],
  [0x4e00, 0x9fff, "zh"],
  [0x3040, 0x30ff, "ja"],
  [0xac00, 0xd7af, "ko"],
];
const FIRST_SCRIPT_UNIT = Math.min(...SCRIPTS.map(([from]) => from));
const STOPWORDS: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "in", "said", "is", "was", "for", "on"],
  es: ["el", "la", "los", "de", "que", "en", "y", "del", "las", "por"],
  fr: ["le", "la", "les", "de", "des", "et", "est", "du", "une", "dans"],
  de: ["der", "die", "das", "und", "ist", "nicht", "mit", "den", "ein", "zu"],
  pt: ["o", "os", "de", "que", "em", "e", "do", "da", "não", "uma"],
};
const LANGS = Object.keys(STOPWORDS);
/** stopword -> the languages (indices into LANGS) whose list has it */
const STOPWORD_LANGS = new Map<string, number[]>();
LANGS.forEach((lang, i) => {
  for (const w of STOPWORDS[lang]!) STOPWORD_LANGS.set(w, [...(STOPWORD_LANGS.get(w) ?? []), i]);
});
const LONGEST_STOPWORD = Math.max(...[...STOPWORD_LANGS.keys()].map((w) => w.length));
/** One letter (a code point), tested at a position: the ASCII ones are A-Z and a-z. */
const LETTER = /\p{L}/uy;

/** Length in UTF-16 units of the letter at i, or 0 when the code point there is not a letter. */
function letterLength(s: string, i: number, c: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  LETTER.lastIndex = i;
  return LETTER.test(s) ? LETTER.lastIndex - i : 0;
}

/**
 * The ASCII stopwords by their letters packed five bits each (a = 1 ... z = 26), so a word of the text is
 * looked up without being cut out of it: in a small open-addressing table of typed arrays (a code, and
 * the bits of the languages whose list has the word), which costs less per word than a Map.
 */
const STOP_SLOTS_LOG2 = 7;
const STOP_CODES = new Int32Array(1 << STOP_SLOTS_LOG2);
const STOP_LANGS = new Uint8Array(1 << STOP_SLOTS_LOG2);
const stopSlot = (code: number): number => Math.imul(code, 0x9e3779b1) >>> (32 - STOP_SLOTS_LOG2);
for (const [word, langs] of STOPWORD_LANGS) {
  if (!/^[a-z]+$/.test(word)) continue;
  let code = 0;
  for (let k = 0; k < word.length; k++) code = code * 32 + word.charCodeAt(k) - 96;
  let s = stopSlot(code);
  while (STOP_CODES[s] !== 0) s = (s + 1) & ((1 << STOP_SLOTS_LOG2) - 1);
  STOP_CODES[s] = code;
  for (const k of langs) STOP_LANGS[s]! |= 1 << k;
}

/** The bits of the languages whose list has the ASCII word of this code (0: none). */
function asciiStopwordLangs(code: number): number {
  for (let s = stopSlot(code); STOP_CODES[s] !== 0; s = (s + 1) & ((1 << STOP_SLOTS_LOG2) - 1))
    if (STOP_CODES[s] === code) return STOP_LANGS[s]!;
  return 0;
}

/**
 * How a character outside ASCII takes part in detectSimple, worked out on first sight (0: not yet).
 * PUNCTUATION: not a letter and its own lower case (’ “ ” – — … and combining marks); LETTER: a letter
 * whose lower case is one letter in one UTF-16 unit (é, Á, ł); OTHER: anything else, or in a script
 * range, or half of a surrogate pair, or Σ (whose lower case depends on what follows it).
 */
const PUNCTUATION = 1;
const LETTER_LIKE = 2;
const OTHER = 3;
const KINDS = new Uint8Array(65536);

function kindOf(c: number): number {
  let v = KINDS[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const isLetter = /\p{L}/u.test(ch);
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || SCRIPTS.some(([from, to]) => c >= from && c <= to))
      v = OTHER;
    else if (!isLetter) v = lower === ch ? PUNCTUATION : OTHER;
    else v = lower.length === 1 && /\p{L}/u.test(lower) ? LETTER_LIKE : OTHER;
    KINDS[c] = v;
  }
  return v;
}

function isAsciiLetter(c: number): boolean {
  // A-Z and a-z differ in bit 5 only: one unsigned comparison of the lower case (c | 32) less "a"
  return ((c | 32) - 97) >>> 0 < 26;
}

/**
 * detectLanguage in one pass, which reads the words as it counts the letters, for a sample whose
 * characters are ASCII, PUNCTUATION or LETTER_LIKE; undefined for any other sample. No letter of such a
 * sample is in a script range, and lower-casing it changes each character into one in the same place
 * that is a letter when it was one, so the words of the lower-cased sample are the runs of letters of
 * the sample, lower-cased.
 */
export function detectSimple(sample: string): string | undefined {
  let letters = 0;
  let words = 0;
  const counts = LANGS.map(() => 0);
  const n = sample.length;
  for (let i = 0; i < n; ) {
    let c = sample.charCodeAt(i);
    let kind = c < 128 ? 0 : kindOf(c);
    if (kind === OTHER) return undefined;
    if (!(isAsciiLetter(c) || kind === LETTER_LIKE)) {
      i++;
      continue;
    }
    // a word: ASCII ones are looked up by their letters packed (no string is cut), others by their text
    const start = i;
    let code = 0;
    let ascii = true;
    for (;;) {
      if (kind === LETTER_LIKE) ascii = false;
      else if (i - start < LONGEST_STOPWORD) code = code * 32 + (c | 32) - 96;
      i++;
      if (i >= n) break;
      c = sample.charCodeAt(i);
      kind = c < 128 ? 0 : kindOf(c);
      if (kind === OTHER) return undefined;
      if (!(isAsciiLetter(c) || kind === LETTER_LIKE)) break;
    }
    letters += i - start;
    words++;
    if (i - start > LONGEST_STOPWORD) continue;
    if (ascii) {
      const bits = asciiStopwordLangs(code);
      if (bits !== 0) for (let k = 0; k < counts.length; k++) if (bits & (1 << k)) counts[k]!++;
      continue;
    }
    const langs = STOPWORD_LANGS.get(sample.slice(start, i).toLowerCase());
    if (langs) for (const k of langs) counts[k]!++;
  }
  if (letters === 0) return "und";
  return bestLanguage(counts, words);
}

function bestLanguage(counts: number[], words: number): string {
  let best = "und";
  let bestCount = 0;
  LANGS.forEach((lang, k) => {
    if (counts[k]! > bestCount) [best, bestCount] = [lang, counts[k]!];
  });
  return bestCount >= Math.min(3, words / 10) ? best : "und";
}

/** Letters Ukrainian writes and Russian does not (і ї є ґ), and the other way round (ы ъ э ё), either case. */
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/g;
const RUSSIAN_LETTERS = /[ыъэёЫЪЭЁ]/g;

/** A Cyrillic text's language: Ukrainian where its own letters outnumber Russian's, else Russian. */
function cyrillicLanguage(sample: string): string {
  const uk = sample.match(UKRAINIAN_LETTERS)?.length ?? 0;
  const ru = sample.match(RUSSIAN_LETTERS)?.length ?? 0;
  return uk > ru ? "uk" : "ru";
}

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 5000);
  return detectSimple(sample) ?? detectAny(sample);
}

/** detectLanguage for any sample (detectSimple gives the same for the samples it reads); exported for tests. */
export function detectAny(sample: string): string {
  // letters are code points (as /\p{L}/gu counts them); scripts are UTF-16 units in their ranges
  let letters = 0;
  const inScript = SCRIPTS.map(() => 0);
  for (let i = 0; i < sample.length; ) {
    const c = sample.charCodeAt(i);
    if (c >= FIRST_SCRIPT_UNIT)
      for (let k = 0; k < SCRIPTS.length; k++) if (c >= SCRIPTS[k]![0] && c <= SCRIPTS[k]![1]) inScript[k]!++;
    const len = letterLength(sample, i, c);
    if (len === 0) {
      i++;
      continue;
    }
    letters++;
    // the low half of a letter outside the BMP is in no script range
    i += len;
  }
  if (letters === 0) return "und";
  for (let k = 0; k < SCRIPTS.length; k++)
    if (inScript[k]! / letters > 0.3)
      return SCRIPTS[k]![2] === "ru" ? cyrillicLanguage(sample) : SCRIPTS[k]![2];
  // the words are the runs of letters of the lower-cased sample (/\p{L}+/gu)
  const lower = sample.toLowerCase();
  const counts = LANGS.map(() => 0);
  let words = 0;
  for (let i = 0; i < lower.length; ) {
    let len = letterLength(lower, i, lower.charCodeAt(i));
    if (len === 0) {
      i++;
      continue;
    }
    const start = i;
    while (len > 0) {
      i += len;
      len = i < lower.length ? letterLength(lower, i, lower.charCodeAt(i)) : 0;
    }
    words++;
    if (i - start > LONGEST_STOPWORD) continue;
    const langs = STOPWORD_LANGS.get(lower.slice(start, i));
    if (langs) for (const k of langs) counts[k]!++;
  }
  return bestLanguage(counts, words);
}
