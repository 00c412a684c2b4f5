// HTML pages: metadata from meta tags, JSON-LD and <time>, main text through Readability over linkedom.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import type { RawDocument } from "./document.js";

const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td,dd,dt";
const MAX_HTML_CHARS = 20_000_000;

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

/** Block-level text of an element, paragraphs separated by blank lines, whitespace collapsed. */
export function blockText(root: { querySelectorAll(sel: string): Iterable<Element> } & { textContent: string | null }): string {
  const parts: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (t) parts.push(t);
  }
  if (parts.length === 0) return (root.textContent ?? "").replace(/[ \t]+/g, " ").replace(/\n\s*\n+/g, "\n\n").trim();
  return parts.join("\n\n");
}

/** Plain text of an HTML fragment (feed item bodies). */
export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll("script,style,noscript,iframe")) el.remove();
  return blockText(document.body as unknown as Parameters<typeof blockText>[0]);
}

export function parseHtmlDocument(html: string, base: Partial<RawDocument> = {}): RawDocument {
  if (html.length > MAX_HTML_CHARS) {
    throw new OrbatError(ErrorCodes.INPUT_TOO_LARGE, `HTML input is ${html.length} characters; limit ${MAX_HTML_CHARS}`);
  }
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const timeEl = document.querySelector("time[datetime]");
  const publishedAt =
    base.publishedAt ??
    meta(document, "article:published_time", "og:published_time", "date", "pubdate", "dc.date", "DC.date.issued") ??
    ld.datePublished ??
    timeEl?.getAttribute("datetime") ??
    undefined;
  const title =
    base.title ?? meta(document, "og:title", "twitter:title") ?? ld.headline ?? document.querySelector("title")?.textContent ?? "";
  const byline = meta(document, "author", "article:author") ?? nameOf(ld.author);
  const source = base.source ?? meta(document, "og:site_name", "application-name") ?? nameOf(ld.publisher);

  for (const el of document.querySelectorAll("script,style,noscript,iframe,svg,template")) el.remove();
  let text = "";
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blockText(inner.body as unknown as Parameters<typeof blockText>[0]);
    }
  } catch {
    text = "";
  }
  if (text.trim().length < 40) {
    const { document: fallback } = parseHTML(html);
    for (const el of fallback.querySelectorAll("script,style,noscript,iframe,svg,template,nav,header,footer,aside,form"))
      el.remove();
    text = blockText((fallback.body ?? fallback.documentElement) as unknown as Parameters<typeof blockText>[0]);
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
