// `orbat analyze`: one article, a feed, or a JSON Lines stream in; a summary or Analysis JSON out.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { analyzeBatch, BATCH_DOCUMENTS } from "../analyze.js";
import type { Analysis } from "../core/analysis.js";
import { ErrorCodes, isOrbatError, OrbatError, PARTIAL_FAILURE } from "../core/errors.js";
import { describe } from "../core/pipeline.js";
import type { RawDocument } from "../ingest/document.js";
import { parseFeed } from "../ingest/feed.js";
import { parseHtmlDocument } from "../ingest/html.js";
import { parseJsonlLine } from "../ingest/jsonl.js";
import { detectFormat, type InputFormat, readSource } from "../ingest/read.js";
import { loadKb } from "../kb/load.js";
import { DEFAULT_STAGES } from "../stages/index.js";
import { progress } from "./progress.js";
import { renderAnalysis } from "./render.js";

interface Opts {
  json?: boolean;
  published?: string;
  inputFormat?: InputFormat;
  explain?: boolean;
  allowPrivate?: boolean;
}

const FORMATS = ["text", "html", "rss", "jsonl"];

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description("analyse an article (file, URL or - for stdin); JSON Lines in gives JSON Lines out")
    .argument("<input>", "file path, http(s) URL, or - for standard input")
    .option("--json", "print the Analysis JSON (JSON Lines for feeds and JSONL input)")
    .option("--published <date>", "publication date YYYY-MM-DD when the input has none")
    .option("--input-format <format>", `force the input format: ${FORMATS.join("|")}`)
    .option("--explain", "show the rules, cues and scores behind every decision")
    .option("--allow-private", "also fetch URLs on private, loopback and link-local addresses")
    .action(async (input: string, opts: Opts) => {
      if (opts.allowPrivate) process.env.ORBAT_ALLOW_PRIVATE = "1";
      if (opts.inputFormat && !FORMATS.includes(opts.inputFormat)) {
        throw new OrbatError(
          ErrorCodes.USAGE,
          `unknown --input-format "${opts.inputFormat}"`,
          `use one of ${FORMATS.join(", ")}`,
        );
      }
      const kb = loadKb();
      const options = { ...(opts.published ? { published: opts.published } : {}), explain: !!opts.explain };
      const emit = (a: Analysis, many: boolean) => {
        if (opts.json)
          process.stdout.write(many ? `${JSON.stringify(a)}\n` : `${JSON.stringify(a, null, 2)}\n`);
        else process.stdout.write(`${renderAnalysis(a, opts.explain)}\n\n`);
      };
      if (opts.explain && !opts.json) process.stdout.write(`${describe(DEFAULT_STAGES).join("\n")}\n\n`);
      const isFile = input !== "-" && !/^https?:\/\//i.test(input);
      if (
        (opts.inputFormat ?? (isFile && /\.(jsonl|ndjson)$/i.test(input) ? "jsonl" : undefined)) ===
          "jsonl" &&
        isFile
      ) {
        await streamJsonl(input, (raws) => analyzeBatch(raws, kb, options), opts);
        return;
      }
      const src = await readSource(input);
      const format = opts.inputFormat ?? detectFormat(src.name, src.content);
      if (format === "jsonl") {
        const lines = new JsonlBatch((raws) => analyzeBatch(raws, kb, options), opts);
        for (const [i, line] of src.content.split("\n").entries()) lines.add(line, i + 1);
        lines.finish();
        return;
      }
      const docs: RawDocument[] =
        format === "rss"
          ? parseFeed(src.content)
          : format === "html"
            ? [parseHtmlDocument(src.content, src.url ? { url: src.url } : {})]
            : [{ text: src.content, format: "text", ...(src.url ? { url: src.url } : {}) }];
      if (docs.length === 0) throw new OrbatError(ErrorCodes.INPUT_EMPTY, "the feed has no items");
      const analyses = analyzeBatch(docs, kb, options);
      for (const a of analyses) {
        if (format === "rss") writeLineResult(0, a, opts);
        else if (a instanceof OrbatError) throw a;
        else emit(a, false);
      }
    });
}

function writeLineResult(line: number, a: Analysis | OrbatError, opts: Opts): void {
  if (a instanceof OrbatError) {
    const record = { error: a.toJSON(), ...(line ? { line } : {}) };
    if (opts.json) process.stdout.write(`${JSON.stringify(record)}\n`);
    process.stderr.write(`orbat: ${a.code}: ${a.message}\n`);
    process.exitCode = PARTIAL_FAILURE;
  } else
    process.stdout.write(opts.json ? `${JSON.stringify(a)}\n` : `${renderAnalysis(a, opts.explain)}\n\n`);
}

type Analyze = (raws: RawDocument[]) => Array<Analysis | OrbatError>;

/**
 * JSON Lines in, one result per line out, in order: the lines are analysed BATCH_DOCUMENTS at a time
 * (analyzeBatch), and a line that is not a document gets its error in its place.
 */
class JsonlBatch {
  private lines: Array<{ n: number; raw: RawDocument | OrbatError }> = [];
  constructor(
    private readonly analyze: Analyze,
    private readonly opts: Opts,
  ) {}

  add(line: string, n: number): void {
    if (line.trim() === "") return;
    let raw: RawDocument | OrbatError;
    try {
      raw = parseJsonlLine(line, n);
    } catch (e) {
      if (!isOrbatError(e)) throw e;
      raw = e;
    }
    this.lines.push({ n, raw });
    if (this.lines.length >= BATCH_DOCUMENTS) this.finish();
  }

  /** Analyses and writes the lines held. */
  finish(): void {
    const docs = this.lines.flatMap((l) => (l.raw instanceof OrbatError ? [] : [l.raw]));
    const analyses = this.analyze(docs);
    let k = 0;
    for (const { n, raw } of this.lines)
      writeLineResult(n, raw instanceof OrbatError ? raw : analyses[k++]!, this.opts);
    this.lines = [];
  }
}

async function streamJsonl(path: string, analyze: Analyze, opts: Opts): Promise<void> {
  const { stat } = await import("node:fs/promises");
  const size = await stat(path)
    .then((s) => s.size)
    .catch(() => {
      throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no such file: ${path}`);
    });
  const bar = progress(size, "bytes");
  const rl = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const lines = new JsonlBatch(analyze, opts);
  let n = 0;
  let done = 0;
  for await (const line of rl) {
    done += Buffer.byteLength(line) + 1;
    bar.update(done);
    lines.add(line, ++n);
  }
  lines.finish();
  bar.stop();
}
