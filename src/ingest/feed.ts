// RSS 2.0 / RSS 1.0 (RDF) / Atom feeds: each item becomes a document. XML is parsed by fast-xml-parser;
// documents that declare entities are refused, so entity-expansion bombs and external entities never run.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { type RawDocument, scrapedDate } from "./document.js";
import { htmlFragmentToText } from "./html.js";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  processEntities: true,
  htmlEntities: true,
  textNodeName: "#text",
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

function text(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object" && "#text" in v) return text((v as Record<string, unknown>)["#text"]);
  return "";
}

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const alt =
    links.find((l) => typeof l === "object" && l && (!l["@rel"] || l["@rel"] === "alternate")) ?? links[0];
  if (typeof alt === "string") return alt;
  return alt && typeof alt === "object" ? (alt as Record<string, string>)["@href"] : undefined;
}

export function looksLikeFeed(input: string): boolean {
  const head = input.slice(0, 2000);
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

export function parseFeed(xml: string): RawDocument[] {
  if (/<!ENTITY/i.test(xml)) {
    throw new OrbatError(
      ErrorCodes.FEED_MALFORMED,
      "feed declares XML entities; refused (entity expansion is unsafe)",
    );
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const err = valid.err;
    throw new OrbatError(
      ErrorCodes.FEED_MALFORMED,
      `feed is not well-formed XML: ${err.msg.replace(/\s+/g, " ")} (line ${err.line})`,
    );
  }
  let data: Record<string, any>;
  try {
    data = parser.parse(xml);
  } catch (e) {
    // The parser has limits of its own (nesting depth...): past them the feed is refused like bad XML.
    const why = (e as Error).message.replace(/\s+/g, " ");
    throw new OrbatError(ErrorCodes.FEED_MALFORMED, `feed could not be read: ${why}`);
  }
  const channel = data.rss?.channel ?? data["rdf:RDF"]?.channel;
  const rssItems: any[] = data.rss?.channel?.item ?? data["rdf:RDF"]?.item ?? [];
  const source = text(channel?.title) || text(data.feed?.title) || undefined;
  const docs: RawDocument[] = [];
  for (const item of rssItems) {
    const body = text(item["content:encoded"]) || text(item.description);
    docs.push(
      itemDoc(item, {
        title: text(item.title),
        body,
        url: text(item.link) || undefined,
        id: text(item.guid) || text(item.link) || undefined,
        publishedAt: scrapedDate(text(item.pubDate), text(item["dc:date"])),
        source: text(item.source) || source,
        format: "rss",
      }),
    );
  }
  for (const entry of data.feed?.entry ?? []) {
    docs.push(
      itemDoc(entry, {
        title: text(entry.title),
        body: text(entry.content) || text(entry.summary),
        url: atomLink(entry.link),
        id: text(entry.id) || undefined,
        publishedAt: scrapedDate(text(entry.published), text(entry.updated)),
        source,
        format: "atom",
      }),
    );
  }
  if (!data.rss && !data.feed && !data["rdf:RDF"]) {
    throw new OrbatError(ErrorCodes.FEED_MALFORMED, "XML is not an RSS or Atom feed");
  }
  return docs;
}

interface ItemFields {
  title: string;
  body: string;
  url?: string;
  id?: string;
  publishedAt: string | null;
  source?: string;
  format: "rss" | "atom";
}

function itemDoc(_item: unknown, f: ItemFields): RawDocument {
  const text = /<[a-z][\s\S]*>/i.test(f.body) ? htmlFragmentToText(f.body) : f.body.trim();
  return {
    title: f.title.trim(),
    text,
    format: f.format,
    publishedAt: f.publishedAt,
    ...(f.url ? { url: f.url } : {}),
    ...(f.id ? { id: f.id } : {}),
    ...(f.source ? { source: f.source } : {}),
  };
}
