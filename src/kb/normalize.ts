// Name normalisation shared by the KB compiler and the matchers. Keys ignore case, diacritics,
// spaces, hyphens and dots, so "S-300PMU-2", "S300PMU2" and "s 300 pmu 2" share one key.

const DIACRITICS = /[\u0300-\u036f]/g;
const FOLD: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  ø: "o",
  œ: "oe",
  ł: "l",
  đ: "d",
  ı: "i",
  þ: "th",
  ð: "d",
};

/** Only ASCII: fold() of such a string is its lower case. */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function fold(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  return s
    .normalize("NFD")
    .replace(DIACRITICS, "")
    .toLowerCase()
    .replace(/[ßæøœłđıþð]/g, (c) => FOLD[c] ?? c);
}

/** Compact key: folded, only letters and digits. */
export function compactKey(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Strips a leading article ("the Crimea" -> "Crimea"). */
export function stripArticle(s: string): string {
  return s.replace(/^the\s+/i, "");
}

/** An alias written in capitals, like "NATO", "IRGC" or "US": matched only when the text is in capitals too. */
export function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters.length <= 6 && letters === letters.toUpperCase() && !/\d/.test(alias);
}
