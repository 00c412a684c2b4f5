// `orbat analyze`: one article, a feed, or a JSON Lines stream in; a summary or Analysis JSON out.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { analyzeRaw } from "../analyze.js";
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
        await streamJsonl(input, (raw) => analyzeRaw(raw, kb, options), opts);
        return;
      }
      const src = await readSource(input);
      const format = opts.inputFormat ?? detectFormat(src.name, src.content);
      if (format === "jsonl") {
        let n = 0;
        for (const line of src.content.split("\n")) {
          n++;
          if (line.trim() === "") continue;
          writeLineResult(n, () => analyzeRaw(parseJsonlLine(line, n), kb, options), opts);
        }
        return;
      }
      const docs: RawDocument[] =
        format === "rss"
          ? parseFeed(src.content)
          : format === "html"
            ? [parseHtmlDocument(src.content, src.url ? { url: src.url } : {})]
            : [{ text: src.content, format: "text", ...(src.url ? { url: src.url } : {}) }];
      if (docs.length === 0) throw new OrbatError(ErrorCodes.INPUT_EMPTY, "the feed has no items");
      for (const d of docs) {
        if (format === "rss") writeLineResult(0, () => analyzeRaw(d, kb, options), opts);
        else emit(analyzeRaw(d, kb, options), false);
      }
    });
}

function writeLineResult(line: number, run: () => Analysis, opts: Opts): void {
  try {
    const a = run();
    process.stdout.write(opts.json ? `${JSON.stringify(a)}\n` : `${renderAnalysis(a, opts.explain)}\n\n`);
  } catch (e) {
    if (!isOrbatError(e)) throw e;
    const record = { error: e.toJSON(), ...(line ? { line } : {}) };
    if (opts.json) process.stdout.write(`${JSON.stringify(record)}\n`);
    process.stderr.write(`orbat: ${e.code}: ${e.message}\n`);
    process.exitCode = PARTIAL_FAILURE;
  }
}

async function streamJsonl(path: string, analyze: (raw: RawDocument) => Analysis, opts: Opts): Promise<void> {
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
  let n = 0;
  let done = 0;
  for await (const line of rl) {
    n++;
    done += Buffer.byteLength(line) + 1;
    bar.update(done);
    if (line.trim() === "") continue;
    writeLineResult(n, () => analyze(parseJsonlLine(line, n)), opts);
  }
  bar.stop();
}
