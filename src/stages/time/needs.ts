// Cheap necessary conditions for date patterns, so a pattern that cannot match is not run at all.
//
// A Need is something every match of a pattern contains: a list of words (at least one of them is in the
// match, in any case), a small regex (it matches inside the match), or a small regex anchored at words
// (it matches inside the match, and each of its matches starts with one of the words, so it is tried only
// where they occur rather than at every position of the text). The words are ASCII and found with
// ASCII letters compared in either case, as the patterns compare them: they are ASCII and not
// Unicode-aware, and with the i flag an ASCII letter then matches only itself in either case (a pattern
// without the i flag matches fewer texts still). So a match's words are found in the text wherever the
// pattern matches. A space in a word stands for a run of white space (\s+, as the patterns write it): the
// text's runs of white space are read as one space each. needs.test.ts checks each need against its
// pattern on the fixtures.

export type Need = readonly string[] | RegExp | Anchored;

/**
 * A regex each of whose matches starts with one of the words (what its lookbehinds read before them aside):
 * met where it matches at the start of one of their occurrences.
 */
export interface Anchored {
  readonly words: readonly string[];
  readonly pattern: RegExp;
}

/** A year as the patterns write it ((?:19|20)\d{2}), as a need. */
export const YEAR: Need = /(?:19|20)\d\d/;

/** Each of the words followed by white space and each of the next ones: "in 19", "in 20", "by 19"... */
export function followedBy(words: readonly string[], next: readonly string[]): string[] {
  return words.flatMap((w) => next.map((n) => `${w} ${n}`));
}

/** How a year as the patterns write it starts: "19" or "20". */
export const CENTURIES = ["19", "20"];

/** The first three letters of every month's name and abbreviation, as chrono-node and our rules spell them. */
export const MONTH: Need = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];

/** The characters /\s/ matches. */
const WHITE_SPACE: number[] = [];
for (let c = 0; c < 65536; c++) if (/\s/.test(String.fromCharCode(c))) WHITE_SPACE.push(c);

/**
 * Which of a fixed set of ASCII words occur in a text, found in one pass over it (an Aho-Corasick automaton
 * with A-Z read as a-z): testing the words one by one would read the text once per word.
 */
export class WordFinder {
  readonly words: readonly string[];
  /** each character's class: 0 for every character in no word (these all lead back to the start) */
  private classOf = new Uint8Array(65536);
  /** a state is kept as its number times classes, where its row of the table starts */
  private classes: number;
  /**
   * the next state (as a row) by row + class: two bytes an entry where the rows fit (they do for the
   * stage's finders), so that the table takes half the cache it would (it is read at every character, and
   * the other stages leave little of it in the cache between documents)
   */
  private next: Uint16Array | Uint32Array;
  /** rows from this one on are states that end words (numbered last, so one comparison tells) */
  private firstEnding: number;
  /**
   * the words (indices) that end at each state from firstEnding on, the k-th such state's from
   * ends[endsFrom[k]] to before ends[endsFrom[k + 1]] (flat, not an array per state to reach through)
   */
  private ends: Int32Array;
  private endsFrom: Int32Array;
  /** each word's length, or -1 for a word with a space (whose start is read back, see startOf) */
  private lengths: Int32Array;

  constructor(words: readonly string[]) {
    this.words = words;
    let classes = 1;
    for (const word of words) {
      if (word === "" || word.startsWith(" "))
        throw new Error(`a word must start with a character: "${word}"`);
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        if (c >= 128 || (c >= 65 && c <= 90)) throw new Error(`not a lower-case ASCII word: ${word}`);
        if (this.classOf[c] === 0) {
          this.classOf[c] = classes;
          if (c >= 97 && c <= 122) this.classOf[c - 32] = classes;
          classes++;
        }
      }
    }
    this.classes = classes;
    // every white space character reads as a space
    const space = this.classOf[32]!;
    if (space !== 0) for (const c of WHITE_SPACE) this.classOf[c] = space;
    // the trie of the words, with the class of the last character of each state's string
    const children: Array<Map<number, number>> = [new Map()];
    const ends: Array<number[] | undefined> = [undefined];
    const lastClass = [0];
    words.forEach((word, w) => {
      let s = 0;
      for (let i = 0; i < word.length; i++) {
        const c = this.classOf[word.charCodeAt(i)]!;
        let t = children[s]!.get(c);
        if (t === undefined) {
          t = children.push(new Map()) - 1;
          ends.push(undefined);
          lastClass.push(c);
          children[s]!.set(c, t);
        }
        s = t;
      }
      ends[s] = [...(ends[s] ?? []), w];
    });
    // Breadth first, each state's transitions are its trie children, else its fallback state's transitions;
    // a state also ends the words its fallback (its longest proper suffix in the trie) ends.
    const n = children.length;
    const next = new Array<number>(n * classes).fill(0);
    const fallback = new Array<number>(n).fill(0);
    const queue: number[] = [];
    for (const [c, t] of children[0]!) {
      next[c] = t;
      queue.push(t);
    }
    // (the states in the order they are reached, nearest the start first)
    const breadthFirst = [0];
    while (queue.length > 0) {
      const s = queue.shift()!;
      breadthFirst.push(s);
      const f = fallback[s]!;
      if (ends[f]) ends[s] = [...(ends[s] ?? []), ...ends[f]!];
      for (let c = 0; c < classes; c++) {
        const t = children[s]!.get(c);
        if (t === undefined) next[s * classes + c] = next[f * classes + c]!;
        else {
          next[s * classes + c] = t;
          fallback[t] = next[f * classes + c]!;
          queue.push(t);
        }
      }
    }
    // A run of white space reads as one space: white space after white space leaves the state as it is.
    // (After white space the state is the start, from which white space leads nowhere as no word starts
    // with it, or one whose string ends with a space.)
    if (space !== 0) for (let s = 1; s < n; s++) if (lastClass[s] === space) next[s * classes + space] = s;
    // Renumbered so that the states that end words come last (the start stays 0), each group breadth first:
    // the few states near the start, where a text keeps the automaton most of the time, have their rows
    // side by side in a few lines of the cache.
    const renumbered = [...breadthFirst.filter((s) => !ends[s]), ...breadthFirst.filter((s) => ends[s])];
    const id = new Array<number>(n);
    renumbered.forEach((s, i) => {
      id[s] = i;
    });
    const firstEnding = n - breadthFirst.filter((s) => ends[s]).length;
    this.firstEnding = firstEnding * classes;
    this.next = n * classes <= 65536 ? new Uint16Array(n * classes) : new Uint32Array(n * classes);
    const endsOf: number[][] = [];
    for (let s = 0; s < n; s++) {
      for (let c = 0; c < classes; c++)
        this.next[id[s]! * classes + c] = id[next[s * classes + c]!]! * classes;
      if (ends[s]) endsOf[id[s]! - firstEnding] = ends[s]!;
    }
    this.ends = Int32Array.from(endsOf.flat());
    this.endsFrom = new Int32Array(endsOf.length + 1);
    endsOf.forEach((e, k) => {
      this.endsFrom[k + 1] = this.endsFrom[k]! + e.length;
    });
    this.lengths = Int32Array.from(words, (w) => (w.includes(" ") ? -1 : w.length));
  }

  /**
   * found[i] is 1 when words[i] occurs in the text, in any case, a space in it for a run of white space.
   * Given hits, each occurrence also adds to it the word's index, where it starts and where it ends, in
   * the order the occurrences end (a word ending with a space may add the same occurrence more than once).
   */
  find(text: string, hits?: number[]): Uint8Array {
    if (hits) return this.findWithStarts(text, hits);
    const found = new Uint8Array(this.words.length);
    const { next, classOf, classes, firstEnding, ends, endsFrom } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      row = next[row + classOf[text.charCodeAt(i)]!]!;
      if (row >= firstEnding) {
        const e = (row - firstEnding) / classes;
        for (let k = endsFrom[e]!; k < endsFrom[e + 1]!; k++) found[ends[k]!] = 1;
      }
    }
    return found;
  }

  /** find with the starts (a loop of its own, so that find's stays as lean as it was) */
  private findWithStarts(text: string, hits: number[]): Uint8Array {
    const found = new Uint8Array(this.words.length);
    const { next, classOf, classes, firstEnding, ends, endsFrom, lengths } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      row = next[row + classOf[text.charCodeAt(i)]!]!;
      if (row >= firstEnding) {
        const e = (row - firstEnding) / classes;
        for (let k = endsFrom[e]!; k < endsFrom[e + 1]!; k++) {
          const w = ends[k]!;
          found[w] = 1;
          const length = lengths[w]!;
          hits.push(w, length < 0 ? this.startOf(text, w, i) : i + 1 - length, i + 1);
        }
      }
    }
    return found;
  }

  /** Where the occurrence of words[w] that ends at text[last] starts: its characters read back. */
  private startOf(text: string, w: number, last: number): number {
    const word = this.words[w]!;
    const space = this.classOf[32]!;
    let j = last;
    for (let k = word.length - 1; k >= 0; k--) {
      // a space stands for the whole run of white space (the character before it in the word is none)
      if (word.charCodeAt(k) === 32) while (j >= 0 && this.classOf[text.charCodeAt(j)] === space) j--;
      else j--;
    }
    return j + 1;
  }
}

/**
 * Needs tested on one text: the words of all the needs it is made for are found in one pass, and each need
 * is tested once however many patterns share it.
 */
export class NeedTester {
  private found: Uint8Array;
  /** each need's answer by its number, once known: 1 met, 2 not met (0 not asked yet) */
  private known: Uint8Array;
  /** each occurrence's word, start and end, when asked for (one flat list, not one array per word per text) */
  private hits: number[] | undefined;

  constructor(
    private readonly finder: NeedFinder,
    private readonly text: string,
    withStarts = false,
  ) {
    // (an anchored need is tried where its words start)
    if (withStarts || finder.anchored) this.hits = [];
    this.found = finder.words.find(text, this.hits);
    this.known = new Uint8Array(finder.size);
  }

  /** Where the occurrences of the need's words start, ascending (the tester must be made withStarts). */
  startsOf(need: readonly string[]): number[] {
    const hits = this.hits;
    if (!hits) throw new Error("a NeedTester made without the starts of its words");
    const member = this.finder.memberOf(need);
    const out: number[] = [];
    for (let i = 0; i < hits.length; i += 3) if (member[hits[i]!]) out.push(hits[i + 1]!);
    return out.sort((a, b) => a - b);
  }

  /**
   * The occurrences of the need's words, as [start, end) pairs, in the order of their ends (the tester must
   * be made withStarts).
   */
  occurrencesOf(need: readonly string[]): number[] {
    const hits = this.hits;
    if (!hits) throw new Error("a NeedTester made without the starts of its words");
    const member = this.finder.memberOf(need);
    const out: number[] = [];
    for (let i = 0; i < hits.length; i += 3) if (member[hits[i]!]) out.push(hits[i + 1]!, hits[i + 2]!);
    return out;
  }

  /**
   * Where the first occurrence of any word starts and the last one ends, as [start, end), or undefined
   * when none occurs (the tester must be made withStarts).
   */
  extent(): [number, number] | undefined {
    const hits = this.hits;
    if (!hits) throw new Error("a NeedTester made without the starts of its words");
    if (hits.length === 0) return undefined;
    let start = hits[1]!;
    for (let i = 4; i < hits.length; i += 3) if (hits[i]! < start) start = hits[i]!;
    // (in the order of their ends: the last ends last)
    return [start, hits[hits.length - 1]!];
  }

  /**
   * True when the text meets every one of the needs (each must be one the NeedFinder was made for); a list
   * compiled by the finder (NeedFinder.compile) is answered without looking its needs up.
   */
  all(needs: readonly Need[] | NeedList): boolean {
    const numbers = needs instanceof NeedList ? needs.numbers : this.finder.compile(needs).numbers;
    for (let i = 0; i < numbers.length; i++) if (!this.meets(numbers[i]!)) return false;
    return true;
  }

  /** Whether the text meets the need of that number. */
  private meets(k: number): boolean {
    const known = this.known[k];
    if (known !== 0) return known === 1;
    const finder = this.finder;
    const pattern = finder.patterns[k];
    let ok = false;
    if (pattern === undefined) {
      // words: one of them occurs
      const ids = finder.wordIds[k]!;
      for (let i = 0; i < ids.length; i++)
        if (this.found[ids[i]!]) {
          ok = true;
          break;
        }
    } else if (finder.wordIds[k] === undefined) {
      ok = pattern.test(this.text);
    } else ok = this.matchesAtWords(finder.members[k]!, pattern);
    this.known[k] = ok ? 1 : 2;
    return ok;
  }

  /** Whether the anchored need's (sticky) pattern matches where one of its words (member[id] = 1) starts. */
  private matchesAtWords(member: Uint8Array, sticky: RegExp): boolean {
    const hits = this.hits!;
    for (let i = 0; i < hits.length; i += 3)
      if (member[hits[i]!]) {
        sticky.lastIndex = hits[i + 1]!;
        if (sticky.test(this.text)) return true;
      }
    return false;
  }
}

/** A list of needs compiled by a NeedFinder: their numbers, so that testing them looks nothing up. */
export class NeedList {
  constructor(readonly numbers: Int32Array) {}
}

/** The words of a fixed set of needs, ready to be found in texts (see NeedTester). */
export class NeedFinder {
  readonly words: WordFinder;
  /** each need's number */
  private numbers = new Map<Need, number>();
  /** by a need's number: the ids of its words (of an anchored need's too), none for a regex */
  readonly wordIds: Array<Int32Array | undefined> = [];
  /** by a need's number: its regex (an anchored need's sticky), none for words */
  readonly patterns: Array<RegExp | undefined> = [];
  /** each list of words as 1 at the ids of its words, 0 at the others' (a word's membership in one look) */
  private memberships = new Map<readonly string[], Uint8Array>();
  /** by a need's number: an anchored need's words as memberOf gives them */
  readonly members: Array<Uint8Array | undefined> = [];
  /** whether there are anchored needs (whose testers keep where the words start) */
  readonly anchored: boolean;

  constructor(needs: Iterable<Need>) {
    const index = new Map<string, number>();
    // the ids of each list of words
    const idsByList = new Map<readonly string[], number[]>();
    const idsOf = (words: readonly string[]) => {
      let ids = idsByList.get(words);
      if (!ids) {
        ids = words.map((w) => {
          let id = index.get(w);
          if (id === undefined) index.set(w, (id = index.size));
          return id;
        });
        idsByList.set(words, ids);
      }
      return Int32Array.from(ids);
    };
    let anchored = false;
    for (const need of needs) {
      if (this.numbers.has(need)) continue;
      this.numbers.set(need, this.wordIds.length);
      if (need instanceof RegExp || "pattern" in need) {
        const pattern = need instanceof RegExp ? need : need.pattern;
        // a regex with g or y keeps a position between tests
        if (pattern.global || pattern.sticky)
          throw new Error(`a need is tested afresh each time: ${pattern}`);
        if (need instanceof RegExp) {
          this.wordIds.push(undefined);
          this.patterns.push(need);
        } else {
          anchored = true;
          this.wordIds.push(idsOf(need.words));
          this.patterns.push(new RegExp(pattern.source, `${pattern.flags}y`));
        }
      } else {
        this.wordIds.push(idsOf(need));
        this.patterns.push(undefined);
      }
    }
    this.words = new WordFinder([...index.keys()]);
    this.anchored = anchored;
    for (const [words, ids] of idsByList) {
      const member = new Uint8Array(index.size);
      for (const id of ids) member[id] = 1;
      this.memberships.set(words, member);
    }
    for (const need of this.numbers.keys())
      this.members.push("pattern" in need ? this.memberOf(need.words) : undefined);
  }

  /** The list of words as 1 at the ids of its words (it must be one the finder was made for). */
  memberOf(need: readonly string[]): Uint8Array {
    const member = this.memberships.get(need);
    if (!member) throw new Error(`a need the NeedFinder was not made for: ${nameOf(need)}`);
    return member;
  }

  /** How many needs the finder was made for. */
  get size(): number {
    return this.wordIds.length;
  }

  /** The needs as a list their testers answer without looking them up (each must be one the finder was made for). */
  compile(needs: readonly Need[]): NeedList {
    return new NeedList(
      Int32Array.from(needs, (need) => {
        const k = this.numbers.get(need);
        if (k === undefined) throw new Error(`a need the NeedFinder was not made for: ${nameOf(need)}`);
        return k;
      }),
    );
  }

  /** withStarts: also keep where the words occur (see NeedTester.startsOf) */
  tester(text: string, withStarts = false): NeedTester {
    return new NeedTester(this, text, withStarts);
  }
}

/** A need as an error message names it. */
function nameOf(need: Need): string {
  return need instanceof RegExp ? String(need) : "pattern" in need ? String(need.pattern) : need.join("|");
}
