// Run a pattern only where it can start. Most of the rule patterns open with `\b(?:word|word|...)`: V8 tries
// such an alternation at every character of a sentence. Here the words a match can start with are read
// from the pattern's source (startLiterals), the word starts of a text (a document, read a sentence at a
// time) are looked up once against all the patterns of a set, and each pattern is run, sticky, only at the
// word starts where one of its words begins. The matches are the ones a global exec() loop finds (see
// PatternSet.matchesAt for why), so the rules stay as written and this file only decides where to look.
// start-words.test.ts checks every pattern of the set against the fixtures, sentence by sentence.

import { type AST, RegExpParser } from "@eslint-community/regexpp";

/**
 * The lower-case literals one of which every match of `re` starts with, at a word start (a `\b` comes
 * before the first character a match consumes, and that character is a letter, digit or underscore);
 * undefined when the source does not show it (a match may open on a class such as \p{Lu} or \s, or with no
 * `\b` before it), and the pattern is then scanned everywhere.
 *
 * Safe by construction: the literals are built by following every path through the pattern from its
 * start, appending the characters each path must consume, and cutting a literal short wherever the next
 * character is not one fixed letter (a class, an escape such as \w, a repeat after its first round). A cut
 * literal is a prefix of what the path consumes, so every match still starts with it. Assertions (\b,
 * lookarounds) consume nothing and are skipped, except that the leading \b is required.
 */
export function startLiterals(re: RegExp): string[] | undefined {
  try {
    const alts = nodesOf(re);
    let states: State[] = [{ s: "", open: true, b: false }];
    states = applyAlts(alts, states);
    const out = new Set<string>();
    for (const st of states) {
      if (!st.s || !st.b || !/^[a-z0-9_]/.test(st.s)) return undefined;
      out.add(st.s);
    }
    // a literal that another one starts with adds nothing: keep the shorter
    const lits = [...out].sort((a, b) => a.length - b.length);
    return lits.filter((l, i) => !lits.slice(0, i).some((k) => l.startsWith(k)));
  } catch (e) {
    if (e instanceof Underivable) return undefined;
    throw e;
  }
}

class Underivable extends Error {}

/** A path through the pattern so far: what it has consumed (lower case), whether it can still grow. */
interface State {
  s: string;
  open: boolean;
  /** a \b came before the first consumed character */
  b: boolean;
}

type Node =
  | { kind: "chars"; chars: string[] } // one character, one of these (lower case)
  | { kind: "other" } // one or more characters not told by a small set of literals (\s, \w, [^,], .)
  | { kind: "boundary" } // \b
  | { kind: "assert" } // ^ $ \B lookarounds: consume nothing
  | { kind: "group"; alts: Node[][] }
  | { kind: "repeat"; node: Node; min: number; max: number };

const MAX_STATES = 400;
/** Literals longer than this are cut: a longer one filters no better and costs more to compare. */
const MAX_LITERAL = 8;

function applyAlts(alts: Node[][], states: State[]): State[] {
  const out: State[] = [];
  for (const alt of alts) out.push(...applySeq(alt, states));
  return distinct(out);
}

/** The same path state reached by several routes (a literal already cut passes every alternative) once. */
function distinct(states: State[]): State[] {
  const seen = new Map<string, State>();
  for (const st of states) seen.set(`${st.s}\u0000${st.open}${st.b}`, st);
  if (seen.size > MAX_STATES) throw new Underivable();
  return [...seen.values()];
}

function applySeq(seq: Node[], states: State[]): State[] {
  let cur = states;
  for (const n of seq) cur = applyNode(n, cur);
  return cur;
}

function close(states: State[]): State[] {
  return states.map((st) => ({ ...st, open: false }));
}

function applyNode(n: Node, states: State[]): State[] {
  switch (n.kind) {
    case "assert":
      return states;
    case "boundary":
      return states.map((st) => (st.s === "" ? { ...st, b: true } : st));
    case "other":
      for (const st of states) if (st.s === "") throw new Underivable();
      return close(states);
    case "chars": {
      const out: State[] = [];
      for (const st of states) {
        if (!st.open) {
          out.push(st);
          continue;
        }
        if (st.s === "" && !st.b) throw new Underivable();
        for (const c of n.chars) {
          const s = st.s + c;
          out.push({ s, open: s.length < MAX_LITERAL, b: st.b });
        }
      }
      return distinct(out);
    }
    case "group":
      return applyAlts(n.alts, states);
    case "repeat": {
      if (n.max === 0) return states;
      const once = applyNode(n.node, states);
      // after one round a repeat may go on or stop: what follows is not fixed, so the literals end there
      const taken = n.max > 1 ? close(once) : once;
      return distinct(n.min === 0 ? [...states, ...taken] : n.min === 1 ? taken : close(taken));
    }
  }
}

/**
 * The pattern's syntax tree (parsed by @eslint-community/regexpp) as the few node kinds the derivation
 * reads; anything it cannot vouch for makes the pattern underivable.
 */
function nodesOf(re: RegExp): Node[][] {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(re.source, 0, re.source.length, {
    unicode: re.flags.includes("u"),
    unicodeSets: re.flags.includes("v"),
  });
  return ast.alternatives.map(sequence);
}

function sequence(alt: AST.Alternative): Node[] {
  return alt.elements.map(element);
}

function element(e: AST.Element): Node {
  switch (e.type) {
    case "Character":
      return e.value > 0xffff ? { kind: "other" } : literal(String.fromCharCode(e.value));
    case "CharacterClass":
      return charClass(e);
    case "CharacterSet": // \s \w \d \p{..} and "."
    case "Backreference":
      return { kind: "other" };
    case "Assertion":
      if (e.kind === "word") return e.negate ? { kind: "assert" } : { kind: "boundary" };
      return { kind: "assert" }; // ^ $ and lookarounds consume nothing
    case "Group":
    case "CapturingGroup":
      return { kind: "group", alts: e.alternatives.map(sequence) };
    case "Quantifier": {
      const node = element(e.element);
      if (node.kind === "assert" || node.kind === "boundary") throw new Underivable();
      // a lazy quantifier finds the same matches, tried in another order
      return { kind: "repeat", node, min: e.min, max: e.max };
    }
    default:
      throw new Underivable();
  }
}

/**
 * A short class of plain ASCII characters ("[cs]", "[Tt]") is a choice of literals; anything else (ranges,
 * negation, escapes, longer classes) is a character the literals stop at.
 */
function charClass(e: AST.CharacterClass): Node {
  if (e.negate || e.elements.length > 4) return { kind: "other" };
  const chars: string[] = [];
  for (const x of e.elements) {
    if (x.type !== "Character" || !/^[a-zA-Z0-9 '".,-]$/.test(x.raw)) return { kind: "other" };
    chars.push(String.fromCharCode(x.value).toLowerCase());
  }
  return { kind: "chars", chars: [...new Set(chars)] };
}

function literal(c: string): Node {
  // only ASCII is compared; a letter stands for both its cases (a case-sensitive pattern is matched by no
  // more than that, so the literals stay a necessary condition)
  if (c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20) return { kind: "other" };
  return { kind: "chars", chars: [c.toLowerCase()] };
}

// ---------------------------------------------------------------------------------------------------------

/** 1 for the ASCII codes of \w (letters, digits, underscore). */
const WORD_CODE = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_CODE[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

const NO_MATCHES: RegExpExecArray[] = [];

/**
 * Patterns run together over one text at a time. For each pattern: its derived start literals (or none,
 * when it is scanned everywhere) and a sticky copy that matches only at a given position.
 */
export class PatternSet {
  readonly literals: Array<string[] | undefined>;
  private readonly sticky: RegExp[];
  /** The literals as a trie: node * width + letter -> next node (0: none); the root is node 0. */
  private trie: Int32Array;
  /** The patterns a literal ending at a node starts (undefined: none). */
  private readonly ends: Array<number[] | undefined> = [undefined];
  /** The trie's letter for each ASCII code (either case of a letter alike), -1 for codes no literal holds. */
  private readonly letter = new Int32Array(128).fill(-1);
  private readonly width: number;

  /**
   * @param words for each pattern, optionally: lower-case words one of which begins at a word start in
   * every match (declared next to the pattern, for one whose start cannot be read from its source); a text
   * with none of them is not scanned
   */
  constructor(
    readonly patterns: RegExp[],
    readonly words: Array<string[] | undefined> = [],
  ) {
    this.literals = patterns.map((re) => startLiterals(re));
    this.sticky = patterns.map((re) => new RegExp(re.source, `${re.flags.replace("g", "")}y`));
    // the trie holds the start literals of pattern k under k and its declared words under n + k
    const n = patterns.length;
    const entries: Array<[string, number]> = [];
    this.literals.forEach((lits, k) => {
      for (const literal of lits ?? []) entries.push([literal, k]);
    });
    patterns.forEach((_, k) => {
      for (const word of words[k] ?? []) entries.push([word, n + k]);
    });
    let width = 0;
    for (const [literal] of entries)
      for (let j = 0; j < literal.length; j++) {
        const c = literal.charCodeAt(j);
        if (this.letter[c] === -1) {
          // a letter is looked up in either case (see literal())
          this.letter[c] = width;
          if (c >= 97 && c <= 122) this.letter[c - 32] = width;
          width++;
        }
      }
    this.width = width;
    this.trie = new Int32Array(width * 64);
    for (const [literal, pattern] of entries) {
      let node = 0;
      for (let j = 0; j < literal.length; j++) {
        const at = node * width + this.letter[literal.charCodeAt(j)]!;
        if (this.trie[at] === 0) {
          this.trie[at] = this.ends.length;
          this.ends.push(undefined);
          if (this.ends.length * width > this.trie.length) {
            const grown = new Int32Array(this.trie.length * 2);
            grown.set(this.trie);
            this.trie = grown;
          }
        }
        node = this.trie[at]!;
      }
      (this.ends[node] ??= []).push(pattern);
    }
  }

  /** Where in `text` (a sentence, or a whole document to be read a sentence at a time) each pattern can start. */
  scan(text: string): Scan {
    const starts: Array<number[] | undefined> = new Array(2 * this.patterns.length).fill(undefined);
    let folding = false;
    let prevWord = false;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        // with the i and u flags, "ſ" matches s and the Kelvin sign k: then a word can start where this
        // scan sees none, so the text is scanned everywhere
        if (c === 0x17f || c === 0x212a) folding = true;
        prevWord = false;
        continue;
      }
      const word = WORD_CODE[c] === 1;
      if (word && !prevWord) this.walk(text, i, starts);
      prevWord = word;
    }
    return new Scan(this, text, starts, folding);
  }

  /** Follows the trie along the text from the word start at i; each literal passed starts a pattern there. */
  walk(text: string, i: number, starts: Array<number[] | undefined>): void {
    const { trie, ends, letter, width } = this;
    let node = 0;
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      const l = c < 128 ? letter[c]! : -1;
      if (l < 0) break;
      node = trie[node * width + l]!;
      if (node === 0) break;
      const patterns = ends[node];
      if (patterns !== undefined) for (const k of patterns) note(starts, k, i);
    }
  }

  /**
   * The matches of pattern `k` in `text`, as `for (m = re.exec(text); m; m = re.exec(text))` with the g
   * flag finds them: that loop takes, from where the last match ended, the first position where the
   * pattern matches; a match can only start at a candidate position, and at a position the sticky pattern
   * finds the very match the global one does (same source, same flags but g and y). `text` begins at
   * `shift` in the text that was scanned (candidates before or after it are passed over); `atStart`: its
   * first character is a candidate too.
   */
  matchesAt(
    k: number,
    text: string,
    shift: number,
    starts: number[] | undefined,
    atStart: boolean,
    everywhere: boolean,
  ): RegExpExecArray[] {
    if (everywhere || this.literals[k] === undefined) {
      const re = this.patterns[k]!;
      const out: RegExpExecArray[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
      return out;
    }
    const re = this.sticky[k]!;
    let out: RegExpExecArray[] | undefined;
    let from = 0;
    if (atStart) {
      re.lastIndex = 0;
      const m = re.exec(text);
      if (m) {
        out = [m];
        from = re.lastIndex;
      }
    }
    if (!starts) return out ?? NO_MATCHES;
    for (let q = firstAtOrAfter(starts, shift); q < starts.length; q++) {
      const p = starts[q]! - shift;
      if (p >= text.length) break;
      if (p < from) continue;
      re.lastIndex = p;
      const m = re.exec(text);
      if (!m) continue;
      (out ??= []).push(m);
      from = re.lastIndex;
    }
    return out ?? NO_MATCHES;
  }
}

/**
 * A text scanned by a pattern set, or a part of it (a sentence of a scanned document): then the positions
 * are the document's, `text` is the part and begins at `shift`.
 */
export class Scan {
  /** patterns whose words begin at the part's first character where the document sees no word start */
  private readonly atStart: Array<number[] | undefined> | undefined;

  constructor(
    private readonly set: PatternSet,
    readonly text: string,
    private readonly starts: Array<number[] | undefined>,
    private readonly folding: boolean,
    private readonly shift = 0,
    scanned?: string,
  ) {
    // a part that begins inside a word of the document (the document goes on with a word character
    // right before it): its first word starts there all the same, so it is walked as a word start
    if (scanned && shift > 0 && isWordAt(scanned, shift) && isWordAt(scanned, shift - 1)) {
      this.atStart = new Array(starts.length).fill(undefined);
      set.walk(scanned, shift, this.atStart);
    }
  }

  /**
   * Whether pattern `k` may match at all (a necessary condition: false means it has no match): one of its
   * start literals begins a word of the text, and so does one of its declared words.
   */
  may(k: number): boolean {
    if (this.folding) return true;
    if (this.set.words[k] && !this.found(this.set.patterns.length + k)) return false;
    return this.set.literals[k] === undefined || this.found(k);
  }

  /** Whether trie entry `id` was found at a word start of the text. */
  private found(id: number): boolean {
    if (this.atStart?.[id]) return true;
    const at = this.starts[id];
    if (at === undefined) return false;
    if (this.shift === 0 && this.text.length > at[at.length - 1]!) return true;
    const q = firstAtOrAfter(at, this.shift);
    return q < at.length && at[q]! < this.shift + this.text.length;
  }

  /** The matches of pattern `k`, in order (see PatternSet.matchesAt). */
  matches(k: number): RegExpExecArray[] {
    if (!this.may(k)) return NO_MATCHES;
    return this.set.matchesAt(k, this.text, this.shift, this.starts[k], !!this.atStart?.[k], this.folding);
  }

  /** The scan of text[start, end) (a sentence of the scanned document), read from this one. */
  within(start: number, end: number): Scan {
    return new Scan(this.set, this.text.slice(start, end), this.starts, this.folding, start, this.text);
  }
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 && WORD_CODE[c] === 1;
}

function note(starts: Array<number[] | undefined>, pattern: number, i: number): void {
  const at = starts[pattern];
  if (at === undefined) starts[pattern] = [i];
  else if (at[at.length - 1] !== i) at.push(i);
}

/** The index of the first position >= x in a sorted list (its length when there is none). */
function firstAtOrAfter(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
