// Hostile input: absurd structure (deep HTML, huge articles, huge JSON Lines lines, broken and malicious
// feeds), text built to make patterns backtrack, and documents that would run for minutes. Each is read or
// refused with a clear ORBAT_E_ code within seconds, in bounded memory, and a slow document costs its own
// time budget, not the rest of an ingest. Big inputs are generated here, never committed.
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeRaw, analyzeText } from "../src/analyze.js";
import { Analysis } from "../src/core/analysis.js";
import { ErrorCodes, OrbatError } from "../src/core/errors.js";
import { checkBudget, type Stage, TIME_BUDGET_ENV } from "../src/core/pipeline.js";
import { spanErrors } from "../src/core/spans.js";
import { loadFixtures } from "../src/eval/fixtures.js";
import { parseFeed } from "../src/ingest/feed.js";
import { parseHtmlDocument } from "../src/ingest/html.js";
import { FACTUALITY_CUES } from "../src/stages/events/factuality.js";
import { EVENT_TYPES } from "../src/stages/events/ontology.js";
import { NOT_EVENT_SENSES } from "../src/stages/events/senses.js";
import { DEFAULT_STAGES } from "../src/stages/index.js";
import { CITING, REPORTING, SOURCE_PATTERNS } from "../src/stages/sources/source-patterns.js";
import { EXTRA_RULES } from "../src/stages/time/extra-parsers.js";
import { kb } from "./helpers.js";

const ROOT = new URL("..", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "orbat-hostile-"));
const articles = loadFixtures().map((g) => g.text);

/** Runs fn and returns what it gave or the ORBAT_E_ code it threw, with the time it took. */
function timed<T>(fn: () => T): { value?: T; code?: string; ms: number } {
  const t0 = performance.now();
  try {
    const value = fn();
    return { value, ms: performance.now() - t0 };
  } catch (e) {
    if (!(e instanceof OrbatError)) throw e;
    return { code: e.code, ms: performance.now() - t0 };
  }
}

function expectValid(a: Analysis): void {
  expect(Analysis.safeParse(a).success).toBe(true);
  expect(spanErrors(a)).toEqual([]);
}

/** `count` copies of `unit`, cut to `chars` characters. */
const run = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMb: number;
}

/**
 * The real CLI under a heap cap (running out of heap would crash it, not pass), with its peak resident
 * memory read from /proc while it runs (VmHWM only grows, so the last reading is the peak).
 */
function orbat(args: string[], heapMb: number, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(
      process.execPath,
      [`--max-old-space-size=${heapMb}`, join(ROOT, "bin/orbat.js"), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: "1", ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, "utf8"));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // the process has just exited
      }
    };
    const timer = setInterval(sample, 50);
    p.stdout.on("data", (d) => {
      stdout += d;
    });
    p.stderr.on("data", (d) => {
      stderr += d;
    });
    p.on("exit", () => sample());
    p.on("close", (status) => {
      clearInterval(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - t0, peakRssMb: Math.round(peakKb / 1024) });
    });
  });
}

async function writeInChunks(path: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts)
    if (!out.write(part)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}

describe("hostile structure", () => {
  const paragraph = "Russian troops moved S-400 systems to Belgorod on Monday, officials said.";

  it("HTML nested 20,000 levels deep is read and analysed within seconds, without recursion", () => {
    const html = `<html><head><title>Deep</title></head><body>${"<div>".repeat(20_000)}<p>${paragraph}</p>${"</div>".repeat(20_000)}</body></html>`;
    const r = timed(() => analyzeRaw(parseHtmlDocument(html), kb));
    expect(r.code).toBeUndefined();
    expect(r.value!.document.text).toContain(paragraph);
    expectValid(r.value!);
    expect(r.ms).toBeLessThan(10_000);
    // Unclosed tags nest just as deep.
    const unclosed = timed(() => parseHtmlDocument(`<body>${"<span>".repeat(20_000)}${paragraph}`));
    expect(unclosed.value?.text).toContain(paragraph);
    expect(unclosed.ms).toBeLessThan(10_000);
  });

  it("HTML nested 200,000 levels deep is refused at once with ORBAT_E_INPUT_FORMAT", () => {
    const r = timed(() => parseHtmlDocument(`<body>${"<div>".repeat(200_000)}${paragraph}`));
    expect(r.code).toBe(ErrorCodes.INPUT_FORMAT);
    expect(r.ms).toBeLessThan(5_000);
  });

  it("a 20 MB plain-text article is refused with the document size limit and what to do instead", async () => {
    const file = join(tmp, "article-20mb.txt");
    await writeInChunks(
      file,
      Array.from({ length: 400 }, (_, i) => run(`${articles[i % articles.length]}\n\n`, 50 * 1024)),
    );
    const r = await orbat(["analyze", file], 512);
    const lines = r.stderr.trim().split("\n");
    expect(r.status, r.stderr).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^orbat: ORBAT_E_INPUT_TOO_LARGE: document has 20\d{6} characters; one document may have at most 1000000 \(split it into separate articles/,
    );
    expect(r.ms).toBeLessThan(30_000);
    expect(r.peakRssMb).toBeLessThan(800);
  }, 60_000);

  it("JSON Lines with a 5 MB line and a 60 MB line among bad lines: the good lines are stored, each bad one reported", async () => {
    const file = join(tmp, "mixed.jsonl");
    const good = articles.slice(0, 8).map((text, i) => `${JSON.stringify({ id: `good-${i}`, text })}\n`);
    await writeInChunks(file, [
      ...good.slice(0, 4),
      "{broken\n",
      `${JSON.stringify({ id: "five-mb", text: run(`${articles[0]} `, 5 * 1024 * 1024) })}\n`,
      '{"id": 7, "text": 12}\n',
      "\u0000\u0001\u0002 not json\n",
      '{"id": "sixty-mb", "text": "',
      ...Array.from({ length: 60 }, () => run("a", 1024 * 1024)),
      '"}\n',
      ...good.slice(4),
    ]);
    const r = await orbat(["ingest", file, "--db", join(tmp, "mixed.db"), "--json"], 400);
    const summary = JSON.parse(r.stdout);
    expect(summary.stored, r.stderr).toBe(8);
    expect(summary.errors).toBe(5);
    const details = summary.errorDetails.join("\n");
    expect(details).toMatch(/ORBAT_E_JSONL_LINE: line 5: not valid JSON/);
    expect(details).toMatch(/ORBAT_E_INPUT_TOO_LARGE: document has 52\d{5} characters/);
    expect(details).toMatch(/ORBAT_E_INPUT_TOO_LARGE: line 9: longer than 52428800 bytes; skipped/);
    expect(r.ms).toBeLessThan(60_000);
    // The 65 MB file is never held whole: the 60 MB line is dropped once past the line limit.
    expect(r.peakRssMb).toBeLessThan(700);
  }, 90_000);

  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${articles
    .slice(0, 3)
    .map(
      (t, i) =>
        `<item><guid>w-${i}</guid><title>Item ${i}</title><pubDate>Tue, 07 Oct 2025 10:00:00 GMT</pubDate><description>${t.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</description></item>`,
    )
    .join("")}</channel></rss>`;

  it("a feed cut off anywhere is refused with ORBAT_E_FEED_MALFORMED, never half-read", () => {
    expect(parseFeed(feed)).toHaveLength(3);
    const t0 = performance.now();
    const end = feed.lastIndexOf("</channel>");
    for (let cut = 1; cut < end; cut += 37) {
      const r = timed(() => parseFeed(feed.slice(0, cut)));
      expect(r.code, `cut at ${cut}`).toBe(ErrorCodes.FEED_MALFORMED);
    }
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it("entity-expansion bombs and external entities are refused without expanding or reading anything", () => {
    const item =
      "<rss><channel><item><title>&a;</title><description>&x;</description></item></channel></rss>";
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join(
      "",
    );
    const bombs = [
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">${laughs}<!ENTITY a "&l9;">]>${item}`,
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${"a".repeat(100_000)}">]>${item.replace("&a;", "&a;".repeat(10_000))}`,
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${item}`,
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>${item}`,
      `<?xml version="1.0"?><!DOCTYPE r [\n<!entity x SYSTEM "file:///etc/hostname">\n]>${item}`,
    ];
    for (const xml of bombs) {
      const r = timed(() => parseFeed(xml));
      expect(r.code).toBe(ErrorCodes.FEED_MALFORMED);
      expect(r.ms).toBeLessThan(2_000);
    }
    // An external DTD without entity declarations is not fetched; the feed reads without it.
    const external = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss><channel><item><title>t</title><description>${paragraph}</description></item></channel></rss>`;
    const docs = parseFeed(external);
    expect(docs[0]!.text).toBe(paragraph);
    expect(JSON.stringify(docs)).not.toMatch(/root:/);
  });

  it("XML nested 100,000 levels deep is refused with ORBAT_E_FEED_MALFORMED", () => {
    for (const body of [`${"<a>".repeat(100_000)}x${"</a>".repeat(100_000)}`, `${"<a>".repeat(100_000)}x`]) {
      const r = timed(() =>
        parseFeed(`<rss><channel><item><description>${body}</description></item></channel></rss>`),
      );
      expect(r.code).toBe(ErrorCodes.FEED_MALFORMED);
      expect(r.ms).toBeLessThan(5_000);
    }
  });
});

// Classic catastrophic-backtracking shapes: long runs of one character, of one word, of words some
// pattern starts on but never finishes ("US US US ..." with no "officials").
const ADVERSARIAL = [
  " ",
  "\n",
  "\t \n",
  "a",
  "1",
  ".",
  ", ",
  "a ",
  "a-",
  "- ",
  "US ",
  "U.S. ",
  "military ",
  "South Korean ",
  "moved ",
  "moved foo ",
  "sent ",
  "flew ",
  "the ",
  "hit ",
  "met with ",
  "was met with ",
  "produced ",
  "said ",
  ", the a said ",
  "spokesman ",
  "sources familiar ",
  "could not be ",
  "signed ",
  "destroyed ",
  "in 2020 ",
  "12/12 ",
  "May June ",
  "on Sunday ",
  "early ",
  "Moscow ",
  "Orange County ",
  "former president ",
  "Aa ",
  "ABC DEF ",
  '"a, ',
  "👩‍👩‍👧 ",
  "e\u0301\u0301",
];

describe("patterns cannot hang", () => {
  const patterns: Array<[string, RegExp]> = [
    ...EVENT_TYPES.map((e): [string, RegExp] => [`trigger ${e.type}`, e.triggers]),
    ...FACTUALITY_CUES.map((c): [string, RegExp] => [`cue ${c.kind}`, c.pattern]),
    ...SOURCE_PATTERNS.map((p): [string, RegExp] => [`source ${p.id}`, p.pattern]),
    ["reporting", REPORTING],
    ["citing", CITING],
    ...EXTRA_RULES.map((r): [string, RegExp] => [`time ${r.id}`, r.pattern]),
    ...NOT_EVENT_SENSES.flatMap((s) =>
      [s.trigger, s.before, s.after]
        .filter((re): re is RegExp => re !== undefined)
        .map((re, i): [string, RegExp] => [`sense ${s.name}/${i}`, re]),
    ),
  ];

  it("every trigger, cue, source, time and sense pattern scans 200 kB of adversarial text in linear time", () => {
    expect(patterns.length).toBeGreaterThan(50);
    const slow: string[] = [];
    for (const unit of ADVERSARIAL) {
      const text = run(unit, 200_000);
      for (const [name, pattern] of patterns) {
        const re = new RegExp(
          pattern.source,
          pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
        );
        const t0 = performance.now();
        for (let m = re.exec(text); m; m = re.exec(text)) if (m[0] === "") re.lastIndex++;
        const ms = performance.now() - t0;
        // A linear scan takes milliseconds; a quadratic one on 200 kB takes many seconds.
        if (ms > 2_000) slow.push(`${name} on ${JSON.stringify(unit)}: ${Math.round(ms)} ms`);
      }
    }
    expect(slow).toEqual([]);
  });

  it.each(ADVERSARIAL.map((u) => [u]))("the whole pipeline analyses 50 kB of %j", (unit) => {
    const r = timed(() => analyzeText(run(unit, 50_000), kb, { publishedAt: "2025-10-07" }));
    if (r.code)
      expect(r.code).toBe(ErrorCodes.INPUT_EMPTY); // blank runs have nothing to analyse
    else expectValid(r.value!);
    expect(r.ms).toBeLessThan(20_000);
  });
});

describe("time budget", () => {
  const article = articles[0]!;

  it("a document over its budget stops with ORBAT_E_TIME_BUDGET naming the stage and the budget", () => {
    try {
      analyzeText(article, kb, {}, { timeBudgetMs: 0.001 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OrbatError);
      const err = e as OrbatError;
      expect(err.code).toBe(ErrorCodes.TIME_BUDGET);
      expect(err.message).toMatch(/ran past its time budget of 0\.001 ms in stage "segment"/);
      expect(err.hint).toMatch(/ORBAT_DOC_TIME_BUDGET_MS/);
    }
    expectValid(analyzeText(article, kb, {}, { timeBudgetMs: 60_000 }));
  });

  it("a stage that would run forever is stopped at its budget by the checks in its loop", () => {
    const forever: Stage = {
      name: "forever",
      requires: ["events"],
      provides: [],
      run(ctx) {
        for (;;) checkBudget(ctx);
      },
    };
    const r = timed(() =>
      analyzeRaw({ text: article, format: "text" }, kb, { timeBudgetMs: 300 }, [...DEFAULT_STAGES, forever]),
    );
    expect(r.code).toBe(ErrorCodes.TIME_BUDGET);
    expect(r.ms).toBeLessThan(5_000);
  });

  it("the default comes from ORBAT_DOC_TIME_BUDGET_MS; a value that is not a positive number is a usage error", () => {
    const before = process.env[TIME_BUDGET_ENV];
    try {
      process.env[TIME_BUDGET_ENV] = "0.001";
      expect(timed(() => analyzeText(article, kb)).code).toBe(ErrorCodes.TIME_BUDGET);
      for (const bad of ["ten seconds", "-5", "0"]) {
        process.env[TIME_BUDGET_ENV] = bad;
        expect(timed(() => analyzeText(article, kb)).code).toBe(ErrorCodes.USAGE);
      }
    } finally {
      if (before === undefined) delete process.env[TIME_BUDGET_ENV];
      else process.env[TIME_BUDGET_ENV] = before;
    }
  });

  it("a document of a million characters built to be slow stops soon after a 1 s budget", () => {
    // Minutes of work without a budget. The checks inside the stages' loops stop it, not the end of a stage.
    const r = timed(() =>
      analyzeText(
        run("Orange County, Texas. US military officials. ", 990_000),
        kb,
        { publishedAt: "2025-10-07" },
        { timeBudgetMs: 1_000 },
      ),
    );
    if (r.code) expect(r.code).toBe(ErrorCodes.TIME_BUDGET);
    expect(r.ms).toBeLessThan(8_000);
  });

  it("orbat ingest records a document over its budget as failed, with the reason, and stores the rest", async () => {
    const file = join(tmp, "budget.jsonl");
    const slow = run("Orange County, Texas. US military officials. ", 990_000);
    writeFileSync(
      file,
      [
        ...articles.slice(0, 3).map((text, i) => JSON.stringify({ id: `before-${i}`, text })),
        JSON.stringify({ id: "slow", text: slow }),
        ...articles.slice(3, 6).map((text, i) => JSON.stringify({ id: `after-${i}`, text })),
      ].join("\n"),
    );
    const r = await orbat(["ingest", file, "--db", join(tmp, "budget.db"), "--json"], 512, {
      [TIME_BUDGET_ENV]: "2000",
    });
    const summary = JSON.parse(r.stdout);
    expect(summary.stored, r.stderr).toBe(6);
    expect(summary.errors).toBe(1);
    expect(summary.errorDetails[0]).toMatch(
      /ORBAT_E_TIME_BUDGET: analysis of document slow \(990000 characters\) ran past its time budget of 2000 ms in stage "\w+"/,
    );
    expect(r.ms).toBeLessThan(60_000);
  }, 90_000);
});
