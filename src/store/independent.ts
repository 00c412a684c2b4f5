// Independent reports of one event across the store. Syndicated copies of a story are one report (they
// share a story id, see minhash.ts); so is a story that only relays another outlet's report ("according to
// Reuters") with words of its own, which is that outlet's report, and so are the stories of one outlet.
import type { Analysis, Entity, Event } from "../core/analysis.js";

/**
 * Whose report an event's telling is, as stored with it: `relay:<outlets>` when the article tells it on
 * the word of other outlets it cites (their KB ids, else their names in lower case, sorted, joined by ","),
 * else `own:<outlet>` when the knowledge base knows the article's publisher, else null (the story alone).
 */
export function originOf(ev: Event, a: Analysis, byId: Map<string, Entity>): string | null {
  const article = a.sources.find((s) => s.type === "article");
  const relayed = new Set<string>();
  for (const id of ev.sourceIds) {
    const s = a.sources.find((x) => x.id === id);
    if (s?.type !== "outlet" || !article || s.citedBy !== article.id) continue;
    const key = (s.entityId && byId.get(s.entityId)?.kbId) || s.name.trim().toLowerCase();
    // an article citing its own outlet ("AFP" in an AFP story) relays no one
    if (key && key !== article.outlet) relayed.add(key.replace(/,/g, " "));
  }
  if (relayed.size) return `relay:${[...relayed].sort().join(",")}`;
  return article?.outlet ? `own:${article.outlet}` : null;
}

/** One telling of an event, as the corroboration count reads it. */
export interface Telling {
  docId: string;
  storyId: string;
  publishedAt: string | null;
  origin: string | null;
}

/**
 * How many independent reports the tellings make. A telling that relays outlets is a report of each of
 * them; any other is its story's, and a story is the report of the outlet that published its first copy
 * (earliest publication, then document id), when the knowledge base knows it: a wire story and an article
 * relaying that wire are one report, and a syndicated copy on another outlet's site does not make that
 * outlet's own stories the wire's. Reports joined by a story or an outlet count once.
 */
export function independentReports(tellings: readonly Telling[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (x: string, y: string) => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent.set(rx, ry);
  };
  const firstOfStory = new Map<string, Telling>();
  for (const t of tellings) {
    if (t.origin?.startsWith("relay:")) {
      for (const outlet of t.origin.slice(6).split(",")) find(`outlet ${outlet}`);
      continue;
    }
    find(`story ${t.storyId}`);
    const first = firstOfStory.get(t.storyId);
    if (!first || earlier(t, first)) firstOfStory.set(t.storyId, t);
  }
  for (const [storyId, t] of firstOfStory)
    if (t.origin?.startsWith("own:")) union(`story ${storyId}`, `outlet ${t.origin.slice(4)}`);
  let roots = 0;
  for (const [x, p] of parent) if (x === p) roots++;
  return roots;
}

function earlier(a: Telling, b: Telling): boolean {
  const pa = a.publishedAt ?? "9999";
  const pb = b.publishedAt ?? "9999";
  return pa !== pb ? pa < pb : a.docId < b.docId;
}
