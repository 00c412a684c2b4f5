import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../core/errors.js";
import { makeDocument, normalizeDate } from "./document.js";
import { parseFeed } from "./feed.js";
import { parseHtmlDocument } from "./html.js";
import { parseJsonlLine } from "./jsonl.js";
import { detectFormat } from "./read.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe("documents", () => {
  it("refuses empty, whitespace and binary input with stable codes", () => {
    expect(code(() => makeDocument({ text: "", format: "text" }))).toBe(ErrorCodes.INPUT_EMPTY);
    expect(code(() => makeDocument({ text: " \n\t ", format: "text" }))).toBe(ErrorCodes.INPUT_EMPTY);
    expect(code(() => makeDocument({ text: "abc\u0000def", format: "text" }))).toBe(ErrorCodes.INPUT_BINARY);
  });
  it("normalises line endings and the BOM, and hashes content for idempotent ingest", () => {
    const a = makeDocument({ text: "\uFEFFLine one.\r\nLine two.", format: "text" });
    const b = makeDocument({ text: "Line one.\nLine two.", format: "text" });
    expect(a.text).toBe("Line one.\nLine two.");
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.id).toBe(b.id);
  });
  it("puts text in NFC: a decomposed accent is composed, and text of Latin letters alone is kept as it is", () => {
    const nfd = makeDocument({ text: "Ve\u0301lez and Bia\u0142ystok near Lo\u0308ssnitz.", format: "text" });
    expect(nfd.text).toBe("V\u00e9lez and Bia\u0142ystok near L\u00f6ssnitz.");
    expect(makeDocument({ text: "S\u00e3o Tom\u00e9 and \u0141\u00f3d\u017a.", format: "text" }).text).toBe(
      "S\u00e3o Tom\u00e9 and \u0141\u00f3d\u017a.",
    );
    // Hangul jamo compose into syllables (above U+02FF, so normalised)
    expect(makeDocument({ text: "\u1100\u1161 is a syllable.", format: "text" }).text).toBe(
      "\uac00 is a syllable.",
    );
  });
  it("validates dates", () => {
    expect(normalizeDate("2025-10-07")).toBe("2025-10-07");
    expect(normalizeDate("Tue, 07 Oct 2025 10:00:00 GMT")).toBe("2025-10-07");
    expect(code(() => normalizeDate("2025-02-30"))).toBe(ErrorCodes.DATE_INVALID);
    expect(code(() => normalizeDate("yesterday-ish"))).toBe(ErrorCodes.DATE_INVALID);
    expect(normalizeDate(undefined)).toBeNull();
  });
  it("guesses non-English text", () => {
    expect(
      makeDocument({ text: "Военные перебросили зенитные ракетные комплексы к побережью.", format: "text" })
        .language,
    ).toBe("ru");
    expect(
      makeDocument({
        text: "The navy said the ships were in the strait and the drills ended.",
        format: "text",
      }).language,
    ).toBe("en");
  });
});

describe("HTML", () => {
  const page = `<!doctype html><html><head><title>Site | Page</title>
    <meta property="og:title" content="Navy moves frigates to the Baltic">
    <meta property="article:published_time" content="2025-03-04T08:00:00Z">
    <meta property="og:site_name" content="Example Defence">
    <script>var tracking = "do not keep";</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <div class="ad">Buy now!</div>
    <article><h1>Navy moves frigates to the Baltic</h1>
    <p>The navy moved two frigates to the Baltic Sea on Monday, officials said, in a show of force near Kaliningrad.</p>
    <p>The ships are expected to remain in the area for several weeks, according to a statement from the ministry.</p>
    <p>Analysts said the deployment was the largest since 2022 and could signal a longer presence in the region.</p></article>
    <footer>Copyright</footer></body></html>`;
  it("extracts the main text and metadata, and drops scripts and navigation", () => {
    const d = parseHtmlDocument(page);
    expect(d.title).toBe("Navy moves frigates to the Baltic");
    expect(d.publishedAt).toBe("2025-03-04T08:00:00Z");
    expect(d.source).toBe("Example Defence");
    expect(d.text).toContain("moved two frigates to the Baltic Sea");
    expect(d.text).not.toContain("tracking");
    expect(d.text).not.toContain("Home");
  });
  it("reads the date from JSON-LD or a time element when meta tags are missing", () => {
    const ld = parseHtmlDocument(
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2024-05-06"}</script></head><body><p>Short text about drills near Odesa that is long enough to keep.</p></body></html>`,
    );
    expect(ld.publishedAt).toBe("2024-05-06");
    expect(ld.title).toBe("H");
    const t = parseHtmlDocument(
      `<html><body><time datetime="2023-01-02">Jan 2</time><p>Troops moved near Kharkiv on Sunday, the ministry said in a statement.</p></body></html>`,
    );
    expect(t.publishedAt).toBe("2023-01-02");
  });
  it("survives malformed HTML", () => {
    const d = parseHtmlDocument("<html><body><p>Unclosed <b>bold <i>text about Sevastopol<p>and more</body>");
    expect(d.text).toContain("Sevastopol");
  });
});

describe("feeds", () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>One</title><link>https://e.test/1</link><pubDate>Tue, 07 Oct 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;Troops deployed near Maracaibo.&lt;/p&gt;</description></item>
    <item><title>Two</title><link>https://e.test/2</link><description>Plain text about the Black Sea.</description></item>
    </channel></rss>`;
  it("turns each RSS item into a document with its metadata", () => {
    const docs = parseFeed(rss);
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({ title: "One", url: "https://e.test/1", source: "Wire", format: "rss" });
    expect(docs[0]!.text).toBe("Troops deployed near Maracaibo.");
    expect(docs[1]!.text).toBe("Plain text about the Black Sea.");
  });
  it("reads Atom entries", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="https://e.test/a"/><id>tag:1</id><published>2025-01-01T00:00:00Z</published><content type="html">&lt;p&gt;Exercise in the Baltic Sea.&lt;/p&gt;</content></entry></feed>`;
    const docs = parseFeed(atom);
    expect(docs[0]).toMatchObject({ title: "E", url: "https://e.test/a", id: "tag:1", format: "atom" });
  });
  it("refuses entity declarations (billion laughs, external entities) and broken XML", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>`;
    expect(code(() => parseFeed(bomb))).toBe(ErrorCodes.FEED_MALFORMED);
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>`;
    expect(code(() => parseFeed(xxe))).toBe(ErrorCodes.FEED_MALFORMED);
    expect(code(() => parseFeed("<rss><channel><item><title>cut"))).toBe(ErrorCodes.FEED_MALFORMED);
  });
});

describe("JSON Lines", () => {
  it("reads text and html lines", () => {
    expect(parseJsonlLine('{"id":"a","text":"Hello Kyiv","publishedAt":"2025-01-01"}', 1)).toMatchObject({
      id: "a",
      text: "Hello Kyiv",
      format: "jsonl",
    });
    const h = parseJsonlLine(
      '{"id":"b","html":"<p>Drills near Odesa continued for a third day on Monday.</p>"}',
      2,
    );
    expect(h.text).toContain("Drills near Odesa");
  });
  it("gives a line-numbered error for a bad line", () => {
    expect(code(() => parseJsonlLine("{not json", 7))).toBe(ErrorCodes.JSONL_LINE);
    expect(() => parseJsonlLine('{"id":"x"}', 3)).toThrow(/line 3/);
  });
  it("detects formats", () => {
    expect(detectFormat("a.jsonl", "")).toBe("jsonl");
    expect(detectFormat("x", "<?xml version='1.0'?><rss>")).toBe("rss");
    expect(detectFormat("x", "<!doctype html><html>")).toBe("html");
    expect(detectFormat("a.txt", "Plain words.")).toBe("text");
    // a fragment of markup saved as text is read as HTML; a text that only mentions a tag is not
    expect(detectFormat("a.txt", "<p>Allies delivered Patriot batteries.</p> <p>Russia fired.</p>")).toBe(
      "html",
    );
    expect(detectFormat("a.txt", "Use <p> for paragraphs.")).toBe("text");
  });
});
