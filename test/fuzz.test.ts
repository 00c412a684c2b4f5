// Property-based tests over every input path (plain text, HTML, RSS/Atom, JSON Lines, raw bytes, CLI
// arguments, API bodies): whatever comes in ends as an Analysis that validates against the contract with
// every span slicing exactly, or as an OrbatError with a stable code. Never an uncaught exception, never
// an internal error. Fixed seeds, so a failure replays the same way.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRaw, analyzeText } from "../src/analyze.js";
import { rawDocs } from "../src/cli/store-commands.js";
import { Analysis } from "../src/core/analysis.js";
import { ErrorCodes, OrbatError } from "../src/core/errors.js";
import { spanErrors } from "../src/core/spans.js";
import type { RawDocument } from "../src/ingest/document.js";
import { parseFeed } from "../src/ingest/feed.js";
import { parseHtmlDocument } from "../src/ingest/html.js";
import { openJsonl } from "../src/ingest/jsonl.js";
import { createApp } from "../src/server/app.js";
import { Store } from "../src/store/store.js";
import { kb } from "./helpers.js";

const SEED = 20251007;
const RUNS = 150;
const ROOT = new URL("..", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "orbat-fuzz-"));
const CODES = new Set<string>(Object.values(ErrorCodes));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(ROOT, "docs/analysis.schema.json"), "utf8")),
);

/** An Analysis that honours the contract: zod, the published JSON Schema, and exact spans. */
function expectValidAnalysis(a: unknown): void {
  const parsed = Analysis.safeParse(a);
  expect(parsed.success, parsed.error?.message).toBe(true);
  // What a client sees is the JSON: validate that, lone surrogates and all.
  const json = JSON.parse(JSON.stringify(a));
  expect(validate(json), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
  expect(spanErrors(a as Analysis)).toEqual([]);
}

/** Runs one input path: a thrown error must be an OrbatError with a known code. */
function outcome(run: () => void): "ok" | string {
  try {
    run();
    return "ok";
  } catch (e) {
    if (!(e instanceof OrbatError)) throw e;
    expect(CODES.has(e.code), e.code).toBe(true);
    expect(e.message).not.toMatch(/\n/);
    return e.code;
  }
}

function analyseAll(docs: Array<RawDocument | OrbatError>): void {
  for (const d of docs) {
    if (d instanceof OrbatError) expect(CODES.has(d.code), d.code).toBe(true);
    else outcome(() => expectValidAnalysis(analyzeRaw(d, kb)));
  }
}

// ---- generators -------------------------------------------------------------------------------------

const PHRASES = [
  "Russian troops moved S-400 systems to Belgorod on Monday, officials said.",
  "Iran test-fired a Fateh-110 missile near Bandar Abbas",
  "according to Reuters",
  "The Pentagon said on 5 May 2024 that HIMARS launchers arrived in Poland.",
  "former president Zelensky",
  "Orange County, Texas",
  "U.S. military officials",
  "was met with",
  "hit the",
  "Taiwan Strait",
  "Walker County",
  "North Korea fired",
  "\n\n",
  ". ",
  ", ",
];
const SCRIPTS = [
  "Военные перебросили зенитные ракетные комплексы С-400 к Белгороду.",
  "أطلقت القوات صواريخ على الحديدة يوم الاثنين",
  "צה״ל תקף בנבטייה",
  "解放军在台湾海峡举行演习",
  "北朝鮮が弾道ミサイルを発射",
  "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇺🇦 🪖",
  "e\u0301\u0302\u0303 Z\u0324\u0354\u0367\u0311 a\u200d\u200cb",
  "\u202eevil\u202c \u200f\u200e \u2066isolate\u2069",
  "\ufeff\u00a0\u2028\u2029\u200b\u3000",
];
const DATES = [
  "31 February 2024",
  "0000-00-00",
  "9999-99-99",
  "2024-13-01",
  "1 January 10000",
  "-2024-01-01",
  "yesterday-ish",
  "Monday, 30 February",
  "in 1066",
  "in 2999",
  "+275760-09-13",
  "1e21",
  "2024-02-29T25:61:61Z",
  "Tue, 07 Oct 2025 10:00:00 GMT",
  "next Friday",
  "",
];
const goodDate = fc.constantFrom(
  "2025-10-07",
  "2024-02-29",
  "1999-12-31T23:59:59Z",
  "Tue, 07 Oct 2025 10:00:00 GMT",
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));
const oddChar = fc.oneof(loneSurrogate, control, fc.constantFrom("\u0000", "\ufffd", "\ufeff", "\u00ad"));

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 1, arbitrary: fc.constantFrom(...DATES) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: oddChar, maxLength: 5 }) },
);

/** Text as it comes: empty, blank, binary, mixed scripts, absurd dates, very long lines and tokens. */
const textArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(" ")) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\n\n\t", "\ufeff", "\u00a0\u3000\u2028") },
  { weight: 1, arbitrary: fc.string({ unit: oddChar, maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom("a", "Moscow", "1", "-", "é", "👍🏽", " "),
        fc.integer({ min: 1000, max: 20_000 }),
      )
      .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length))),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...PHRASES), { minLength: 50, maxLength: 200 })
      .map((p) => p.join(" ").replaceAll("\n", " ")),
  },
);

/** Removes, doubles or cuts parts of a document: the structural damage real inputs arrive with. */
function mutated(doc: fc.Arbitrary<string>, inserts: string[]): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("drop" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), what: fc.constantFrom(...inserts) }),
    fc.record({ kind: fc.constant("double" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  );
  return fc.tuple(doc, fc.array(edit, { maxLength: 3 })).map(([d, edits]) => {
    let s = d;
    for (const e of edits) {
      const at = s.length ? e.at % s.length : 0;
      if (e.kind === "cut") s = s.slice(0, at);
      else if (e.kind === "drop") s = s.slice(0, at) + s.slice(at + e.len);
      else if (e.kind === "insert") s = s.slice(0, at) + e.what + s.slice(at);
      else s = s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
    }
    return s;
  });
}

const jsonValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const TAGS = ["p", "div", "span", "article", "h1", "li", "td", "script", "style", "a", "b", "table", "svg"];

const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    textArb.map((t) => t.slice(0, 400)),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie("node"), { maxLength: 4 }), fc.constantFrom(...DATES))
      .map(([tag, kids, date]) => `<${tag} data-x="${xmlEscape(date)}">${kids.join("")}</${tag}>`),
  ),
})).node;

const htmlArb = mutated(
  fc
    .tuple(
      htmlTree,
      fc.constantFrom(...DATES),
      fc.string({ maxLength: 40 }),
      // JSON-LD dates of any JSON type: a number here once crashed the HTML reader
      fc.oneof(fc.constantFrom(...DATES), goodDate, jsonValue, fc.array(fc.string(), { maxLength: 2 })),
    )
    .map(
      ([body, date, title, ldDate]) =>
        `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="${xmlEscape(date)}"><script type="application/ld+json">${JSON.stringify({ headline: title, datePublished: ldDate })}</script></head><body><article>${body}</article><time datetime="${xmlEscape(date)}">x</time></body></html>`,
    ),
  ["<", ">", "&", "&#xD800;", "&#0;", "&bogus;", "<!--", "]]>", "<![CDATA[", "</html>", "<div>", "\u0000"],
);

const itemArb = fc.record({
  title: textArb.map((t) => t.slice(0, 200)),
  body: fc.oneof(textArb, htmlTree),
  date: fc.constantFrom(...DATES),
  id: fc.string({ maxLength: 20 }),
});
const feedArb = mutated(
  fc
    .tuple(fc.boolean(), fc.array(itemArb, { maxLength: 4 }))
    .map(([atom, items]) =>
      atom
        ? `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title>${items
            .map(
              (i) =>
                `<entry><id>${xmlEscape(i.id)}</id><title>${xmlEscape(i.title)}</title><published>${xmlEscape(i.date)}</published><content type="html">${xmlEscape(i.body)}</content><link href="https://example.org/${encodeURIComponent(i.id)}"/></entry>`,
            )
            .join("")}</feed>`
        : `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${items
            .map(
              (i) =>
                `<item><guid>${xmlEscape(i.id)}</guid><title>${xmlEscape(i.title)}</title><pubDate>${xmlEscape(i.date)}</pubDate><description><![CDATA[${i.body.replaceAll("]]>", "")}]]></description></item>`,
            )
            .join("")}</channel></rss>`,
    ),
  [
    "<",
    "&",
    "&unknown;",
    "&#x110000;",
    '<!DOCTYPE r [<!ENTITY a "aaaa">]>',
    '<!ENTITY x SYSTEM "file:///etc/passwd">',
    "</item>",
    "<item>",
    "]]>",
    "\u0000",
  ],
);

const jsonlLineArb = fc.oneof(
  fc
    .record(
      {
        id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), jsonValue),
        title: fc.oneof(fc.string({ maxLength: 40 }), jsonValue),
        text: fc.oneof({ weight: 4, arbitrary: textArb }, { weight: 1, arbitrary: jsonValue }),
        html: fc.oneof(htmlArb, jsonValue),
        publishedAt: fc.oneof(fc.constantFrom(...DATES), jsonValue),
        source: fc.oneof(fc.string({ maxLength: 20 }), jsonValue),
      },
      { requiredKeys: [] },
    )
    .map((r) => JSON.stringify(r)),
  fc.json(),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "{broken",
    '{"text": "unterminated',
    "[]",
    "null",
    '{"text": 1e999}',
    '"\\ud800"',
    "\r",
    "\ufeff{}",
  ),
);

// ---- properties -------------------------------------------------------------------------------------

describe("fuzz: text", () => {
  it("analyzeText returns a valid Analysis or a coded error, for any text and any date", () => {
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(
        textArb,
        fc.option(fc.oneof(fc.constantFrom(...DATES), goodDate), { freq: 3 }),
        (text, date) => {
          const c = outcome(() => expectValidAnalysis(analyzeText(text, kb, { publishedAt: date })));
          codes.set(c, (codes.get(c) ?? 0) + 1);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    // The generators reach both outcomes, or the property proves less than it claims.
    expect(codes.get("ok")).toBeGreaterThan(RUNS / 3);
    expect(codes.get(ErrorCodes.INPUT_EMPTY)).toBeGreaterThan(0);
    expect(codes.get(ErrorCodes.DATE_INVALID)).toBeGreaterThan(0);
  });

  it("analyzeRaw takes any --published value and metadata without crashing", () => {
    fc.assert(
      fc.property(
        textArb,
        fc.constantFrom(...DATES),
        fc.record({ title: fc.string(), url: fc.string(), source: fc.string(), id: fc.string() }),
        (text, published, meta) => {
          outcome(() =>
            expectValidAnalysis(analyzeRaw({ ...meta, text, format: "text" }, kb, { published })),
          );
        },
      ),
      { seed: SEED + 1, numRuns: 60 },
    );
  });
});

describe("fuzz: structured formats", () => {
  it("HTML, damaged or not, goes through the real parser and pipeline", () => {
    let analysed = 0;
    fc.assert(
      fc.property(htmlArb, (html) => {
        if (outcome(() => expectValidAnalysis(analyzeRaw(parseHtmlDocument(html), kb))) === "ok") analysed++;
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
    expect(analysed).toBeGreaterThan(RUNS / 3);
  });

  it("RSS and Atom feeds, damaged or not, give documents or FEED_MALFORMED", () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(feedArb, (xml) => {
        codes.add(outcome(() => analyseAll(parseFeed(xml))));
      }),
      { seed: SEED + 3, numRuns: RUNS },
    );
    expect(codes.has("ok")).toBe(true);
    expect(codes.has(ErrorCodes.FEED_MALFORMED)).toBe(true);
  });

  it("JSON Lines files stream through the real reader: one document or one coded error per line", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(jsonlLineArb, { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        async (lines, eol) => {
          const file = join(tmp, "fuzz.jsonl");
          writeFileSync(file, lines.join(eol));
          const docs: Array<RawDocument | OrbatError> = [];
          for await (const d of await openJsonl(file)) docs.push(d);
          // every line that is not blank yields exactly one result
          const nonBlank = lines
            .join(eol)
            .split("\n")
            .filter((l) => l.replace(/^\ufeff/, "").trim() !== "");
          expect(docs.length).toBe(nonBlank.length);
          for (const d of docs) seen.add(d instanceof OrbatError ? d.code : "document");
          analyseAll(docs);
        },
      ),
      { seed: SEED + 4, numRuns: 100 },
    );
    expect([...seen].sort()).toEqual(["ORBAT_E_JSONL_LINE", "document"]);
  });
});

describe("fuzz: bytes", () => {
  const prefix = fc.constantFrom(
    [],
    [0xef, 0xbb, 0xbf], // UTF-8 BOM
    [0xfe, 0xff], // UTF-16 BE BOM
    [0xff, 0xfe], // UTF-16 LE BOM
    [0xc0, 0x80], // overlong NUL
    [0xed, 0xa0, 0x80], // an encoded surrogate
    [0xe2, 0x82], // truncated sequence
    [0x80, 0xbf], // stray continuation bytes
    [0xf5, 0xff, 0xfe], // never valid in UTF-8
  );
  const bytesArb = fc
    .tuple(
      prefix,
      textArb,
      fc.uint8Array({ maxLength: 64 }),
      fc.constantFrom(".txt", ".html", ".xml", ".jsonl"),
    )
    .map(([p, text, noise, ext]) => ({
      bytes: Buffer.concat([Buffer.from(p), Buffer.from(text), Buffer.from(noise)]),
      ext,
    }));

  it("files of any bytes, read as orbat ingest reads them, give documents or coded errors", async () => {
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(bytesArb, async ({ bytes, ext }) => {
        const file = join(tmp, `bytes${ext}`);
        writeFileSync(file, bytes);
        let docs: Array<RawDocument | OrbatError> = [];
        try {
          docs = await rawDocs(file);
        } catch (e) {
          if (!(e instanceof OrbatError)) throw e;
          codes.add(e.code);
        }
        analyseAll(docs);
      }),
      { seed: SEED + 5, numRuns: RUNS },
    );
    expect(codes.has(ErrorCodes.INPUT_BINARY)).toBe(true);
  });
});

/** Runs the real CLI; resolves with its exit code and output. */
function orbat(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(ROOT, "bin/orbat.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => {
      stdout += d;
    });
    p.stderr.on("data", (d) => {
      stderr += d;
    });
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("fuzz: CLI arguments", () => {
  it("garbage arguments, flags and dates end with exit 0 or one ORBAT_E_ line and exit 2", async () => {
    const article = join(tmp, "article.txt");
    writeFileSync(article, `${PHRASES[0]} ${PHRASES[3]}`);
    const odd = join(tmp, "odd.txt");
    writeFileSync(odd, `${SCRIPTS.join(" ")} \ud800 ${DATES.join(" ")}`);
    const garbage = fc.oneof(
      fc.constantFrom(...DATES.filter(Boolean)),
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }),
      fc.constantFrom("--", "-", "--json=1", "-x", "--published", "—published", "ä", "../no-such-dir/x"),
    );
    // Commands that serve, watch or work run until stopped: not garbage to feed a test.
    const command = garbage.filter((g) => !/^(serve|demo|watch|worker|queue|ingest|backup|restore)$/.test(g));
    const argv = fc.oneof(
      garbage.map((d) => ["analyze", article, "--published", d]),
      garbage.map((f) => ["analyze", odd, "--json", "--input-format", f]),
      garbage.map((g) => ["analyze", article, `--${g}`]),
      garbage.map((g) => ["analyze", join(tmp, g)]),
      garbage.map((g) => ["kb", "search", g, "--json"]),
      command.map((g) => [g, "--json"]),
      garbage.map((g) => ["query", "--db", join(tmp, "cli.db"), "--since", g, "--bbox", g, "--country", g]),
    );
    // A dozen processes (each loads the knowledge base): three at a time.
    const runs = fc.sample(argv, { seed: SEED + 6, numRuns: 12 });
    const results: Array<{ args: string[]; status: number | null; stdout: string; stderr: string }> = [];
    for (let i = 0; i < runs.length; i += 3)
      results.push(
        ...(await Promise.all(runs.slice(i, i + 3).map(async (args) => ({ args, ...(await orbat(args)) })))),
      );
    for (const r of results) {
      const why = `${JSON.stringify(r.args)} -> ${r.status}: ${r.stderr.slice(0, 300)}`;
      expect([0, 2, 3], why).toContain(r.status);
      if (r.status === 2) {
        const lines = r.stderr.trim().split("\n");
        expect(lines, why).toHaveLength(1);
        expect(lines[0], why).toMatch(/^orbat: ORBAT_E_[A-Z_]+: \S/);
      }
      if (r.status === 0 && r.args[0] === "analyze" && r.args.includes("--json"))
        expectValidAnalysis(JSON.parse(r.stdout));
    }
    expect(results.some((r) => r.status === 0)).toBe(true);
    expect(results.some((r) => r.status === 2)).toBe(true);
  }, 120_000);
});

describe("fuzz: API bodies", () => {
  const TOKEN = "fuzz-token-0123456789";
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await Store.open(join(tmp, "api.db"));
    app = createApp({ store, kb, token: TOKEN });
  });
  afterAll(async () => {
    await store.close();
  });

  // No "url" key: with the token, a url would make the server fetch it.
  const field = fc.string({ maxLength: 12 }).filter((k) => k !== "url");
  const bodyArb = fc.oneof(
    fc
      .record(
        {
          text: fc.oneof({ weight: 4, arbitrary: textArb }, { weight: 1, arbitrary: jsonValue }),
          title: fc.oneof(fc.string({ maxLength: 60 }), jsonValue),
          source: fc.oneof(fc.string({ maxLength: 30 }), jsonValue),
          publishedAt: fc.oneof(fc.constantFrom(...DATES), jsonValue),
          store: fc.oneof(fc.boolean(), jsonValue),
        },
        { requiredKeys: [] },
      )
      .chain((r) => fc.dictionary(field, jsonValue, { maxKeys: 2 }).map((extra) => ({ ...extra, ...r })))
      .map((r) => JSON.stringify(r)),
    fc.json(),
    fc.string({ unit: "binary", maxLength: 100 }),
    fc.uint8Array({ maxLength: 100 }),
    fc.constantFrom("", "{", '{"text":', "[[[[[[[[", '{"__proto__": {"text": "x"}}', '{"text": "\\ud800"}'),
  );
  const contentType = fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "",
    "application/json; charset=latin1",
    "garbage/\u00e9",
  );

  it("POST /api/analyze answers 2xx with a valid Analysis or 4xx with a JSON error, never 5xx", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(bodyArb, contentType, fc.boolean(), async (body, type, authorised) => {
        const headers: Record<string, string> = {};
        if (type) headers["Content-Type"] = type;
        if (authorised) headers.Authorization = `Bearer ${TOKEN}`;
        const res = await app.request("/api/analyze", { method: "POST", body, headers });
        statuses.add(res.status);
        const why = `${res.status} for ${JSON.stringify(body).slice(0, 200)} as ${type}`;
        expect(res.status, why).toBeLessThan(500);
        const json = await res.json();
        if (res.status >= 400) {
          expect(typeof json.error?.code, why).toBe("string");
          expect(typeof json.error?.message, why).toBe("string");
        } else expectValidAnalysis(json);
      }),
      { seed: SEED + 7, numRuns: RUNS },
    );
    expect([...statuses].some((s) => s < 300)).toBe(true);
    expect([...statuses].some((s) => s >= 400)).toBe(true);
  });
});
