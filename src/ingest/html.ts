// HTML pages: metadata from meta tags, JSON-LD and <time>, main text through Readability over linkedom.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { type RawDocument, scrapedDate } from "./document.js";

const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td,dd,dt";
const MAX_HTML_CHARS = 20_000_000;
/**
 * Readability reads the text of every element, which costs the square of the nesting depth: markup nested
 * deeper than this (no real article page comes close) is read as plain blocks instead.
 */
const MAX_READABILITY_DEPTH = 500;
/** The HTML parser's own cost grows with the square of the nesting depth: deeper markup is refused. */
const MAX_HTML_DEPTH = 50_000;
const VOID_TAGS = new Set("area,base,br,col,embed,hr,img,input,link,meta,param,source,track,wbr".split(","));

/**
 * An upper bound on how deep the elements of raw markup nest, from one linear scan of its tags (tags a
 * browser would close implicitly count as open, so sloppy pages only ever score higher).
 */
export function markupDepth(html: string): number {
  const TAG = /<(\/?)([a-z][a-z0-9-]*)[^<>]*?(\/?)>/gi;
  let depth = 0;
  let max = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID_TAGS.has(m[2]!.toLowerCase())) max = Math.max(max, ++depth);
  }
  return max;
}

type Doc = ReturnType<typeof parseHTML>["document"];

function meta(doc: Doc, ...names: string[]): string | undefined {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"]`) ?? doc.querySelector(`meta[name="${n}"]`);
    const v = el?.getAttribute("content")?.trim();
    if (v) return v;
  }
  return undefined;
}

interface JsonLd {
  headline?: string;
  datePublished?: string;
  author?: unknown;
  publisher?: unknown;
}

function jsonLd(doc: Doc): JsonLd {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(s.textContent ?? "");
      const items: unknown[] = Array.isArray(data) ? data : data["@graph"] ? data["@graph"] : [data];
      const article = items.find(
        (i): i is JsonLd => typeof i === "object" && i !== null && ("datePublished" in i || "headline" in i),
      );
      if (article) return article;
    } catch {
      // A broken JSON-LD block is common on real pages; the other metadata sources still apply.
    }
  }
  return {};
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === "object" && "name" in v && typeof v.name === "string") return v.name;
  return undefined;
}

const BLOCK_TAGS = new Set(
  BLOCKS.toUpperCase()
    .split(",")
    .concat([
      "DIV",
      "SECTION",
      "ARTICLE",
      "BR",
      "TR",
      "UL",
      "OL",
      "TABLE",
      "HEADER",
      "MAIN",
      "ASIDE",
      "FIGURE",
    ]),
);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Text of an element with blank lines between blocks and whitespace collapsed inside them. Iterative,
 * so deeply nested (or hostile) markup cannot overflow the stack.
 */
export function blockText(root: unknown): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const t = current.replace(/\s+/g, " ").trim();
    if (t) paragraphs.push(t);
    current = "";
  };
  const stack: Array<DomNode | "end-block"> = [root as DomNode];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === "end-block") {
      flush();
      continue;
    }
    if (n.nodeType === 3) {
      current += n.textContent ?? "";
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    if (BLOCK_TAGS.has(n.nodeName.toUpperCase())) {
      flush();
      stack.push("end-block");
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  flush();
  return paragraphs.join("\n\n");
}

function refuseDeepMarkup(html: string): void {
  const depth = markupDepth(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new OrbatError(
      ErrorCodes.INPUT_FORMAT,
      `HTML nests elements up to ${depth} levels deep; the limit is ${MAX_HTML_DEPTH} (no real page comes close)`,
    );
  }
}

/** Whether elements nest deeper than `limit` under root; counted without recursion, stopping once past it. */
function deeperThan(root: unknown, limit: number): boolean {
  const stack: Array<[DomNode, number]> = [[root as DomNode, 0]];
  while (stack.length > 0) {
    const [n, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let i = 0; i < n.childNodes.length; i++) {
      const c = n.childNodes[i]!;
      if (c.nodeType === 1) stack.push([c, depth + 1]);
    }
  }
  return false;
}

/** Plain text of an HTML fragment (feed item bodies). */
export function htmlFragmentToText(html: string): string {
  refuseDeepMarkup(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll("script,style,noscript,iframe")) el.remove();
  return blockText(document.body);
}

function wrap(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
}

export function parseHtmlDocument(html: string, base: Partial<RawDocument> = {}): RawDocument {
  if (html.length > MAX_HTML_CHARS) {
    throw new OrbatError(
      ErrorCodes.INPUT_TOO_LARGE,
      `HTML input is ${html.length} characters; limit ${MAX_HTML_CHARS}`,
    );
  }
  refuseDeepMarkup(html);
  const { document } = parseHTML(wrap(html));
  const ld = jsonLd(document);
  const timeEl = document.querySelector("time[datetime]");
  const publishedAt =
    base.publishedAt ??
    scrapedDate(
      meta(
        document,
        "article:published_time",
        "og:published_time",
        "date",
        "pubdate",
        "dc.date",
        "DC.date.issued",
      ),
      ld.datePublished,
      timeEl?.getAttribute("datetime"),
    );
  const title =
    base.title ??
    meta(document, "og:title", "twitter:title") ??
    ld.headline ??
    document.querySelector("title")?.textContent ??
    "";
  const byline = meta(document, "author", "article:author") ?? nameOf(ld.author);
  const source = base.source ?? meta(document, "og:site_name", "application-name") ?? nameOf(ld.publisher);

  for (const el of document.querySelectorAll("script,style,noscript,iframe,svg,template")) el.remove();
  let text = "";
  if (!deeperThan(document.documentElement, MAX_READABILITY_DEPTH)) {
    try {
      const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
      if (article?.content) {
        const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
        text = blockText(inner.body);
      }
    } catch {
      text = "";
    }
  }
  if (text.trim().length < 40) {
    const { document: fallback } = parseHTML(wrap(html));
    for (const el of fallback.querySelectorAll(
      "script,style,noscript,iframe,svg,template,nav,header,footer,aside,form",
    ))
      el.remove();
    text = blockText(fallback.body ?? fallback.documentElement);
  }
  return {
    ...base,
    title: (title ?? "").replace(/\s+/g, " ").trim(),
    text,
    ...(byline ? { byline } : {}),
    ...(source ? { source } : {}),
    publishedAt: publishedAt ?? null,
    format: "html",
  };
}
