// A cheap script-and-stopword language guess: enough to tell the pipeline when text is not English.
const SCRIPTS: Array<[RegExp, string]> = [
  [/[\u0400-\u04FF]/g, "ru"],
  [/[\u0600-\u06FF]/g, "ar"],
  [/[\u0590-\u05FF]/g, "he"],
  [/[\u4E00-\u9FFF]/g, "zh"],
  [/[\u3040-\u30FF]/g, "ja"],
  [/[\uAC00-\uD7AF]/g, "ko"],
];
const STOPWORDS: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "in", "said", "is", "was", "for", "on"],
  es: ["el", "la", "los", "de", "que", "en", "y", "del", "las", "por"],
  fr: ["le", "la", "les", "de", "des", "et", "est", "du", "une", "dans"],
  de: ["der", "die", "das", "und", "ist", "nicht", "mit", "den", "ein", "zu"],
  pt: ["o", "os", "de", "que", "em", "e", "do", "da", "não", "uma"],
};

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 5000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return "und";
  for (const [re, lang] of SCRIPTS) {
    if ((sample.match(re)?.length ?? 0) / letters > 0.3) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = "und";
  let bestCount = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const n = words.filter((w) => set.has(w)).length;
    if (n > bestCount) [best, bestCount] = [lang, n];
  }
  return bestCount >= Math.min(3, words.length / 10) ? best : "und";
}
