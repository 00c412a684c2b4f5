// JSON Lines input: one article per line. A bad line yields an error for that line; the others go on.
// Files are streamed line by line, so a file of any size is read in bounded memory, and a line longer
// than the limit is skipped (with an error for it) without ever being held whole.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { z } from "zod";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import type { RawDocument } from "./document.js";
import { parseHtmlDocument } from "./html.js";

/** The longest line read: one article, as text or HTML, with room for JSON escaping. */
export const MAX_JSONL_LINE_BYTES = 50 * 1024 * 1024;

const Line = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    title: z.string().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().optional(),
    publishedAt: z.string().nullable().optional(),
    source: z.string().optional(),
  })
  .refine((l) => l.text !== undefined || l.html !== undefined, { message: 'needs "text" or "html"' });

export function parseJsonlLine(line: string, lineNo: number): RawDocument {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new OrbatError(ErrorCodes.JSONL_LINE, `line ${lineNo}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = Line.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OrbatError(
      ErrorCodes.JSONL_LINE,
      `line ${lineNo}: ${issue?.path.join(".") || "record"} ${issue?.message ?? "is invalid"}`,
    );
  }
  const l = parsed.data;
  const base = {
    ...(l.id !== undefined ? { id: String(l.id) } : {}),
    ...(l.title ? { title: l.title } : {}),
    ...(l.url ? { url: l.url } : {}),
    ...(l.source ? { source: l.source } : {}),
    publishedAt: l.publishedAt ?? null,
  };
  if (l.text !== undefined) return { ...base, text: l.text, format: "jsonl" };
  return { ...parseHtmlDocument(l.html ?? "", base), format: "jsonl" };
}

/** True for a local file that names itself JSON Lines (.jsonl or .ndjson). */
export function isJsonlFile(spec: string): boolean {
  return spec !== "-" && !/^https?:\/\//i.test(spec) && /\.(jsonl|ndjson)$/i.test(spec);
}

/**
 * Streams a JSON Lines file: one RawDocument, or the OrbatError for that line, per non-blank line. Checks
 * that the file exists before the first line is asked for, so a missing file fails at once.
 */
export async function openJsonl(
  path: string,
  maxLineBytes = MAX_JSONL_LINE_BYTES,
): Promise<AsyncGenerator<RawDocument | OrbatError>> {
  const info = await stat(path).catch(() => {
    throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no such file: ${path}`);
  });
  if (info.isDirectory()) throw new OrbatError(ErrorCodes.INPUT_FORMAT, `${path} is a directory, not a file`);
  return jsonlDocs(path, maxLineBytes);
}

async function* jsonlDocs(path: string, maxLineBytes: number): AsyncGenerator<RawDocument | OrbatError> {
  for await (const line of jsonlLines(path, maxLineBytes)) {
    if (line.error) {
      yield line.error;
      continue;
    }
    const text = line.no === 1 ? line.text.replace(/^\uFEFF/, "") : line.text;
    if (text.trim() === "") continue;
    try {
      yield parseJsonlLine(text, line.no);
    } catch (e) {
      if (!(e instanceof OrbatError)) throw e;
      yield e;
    }
  }
}

type Line = { no: number; text: string; error?: undefined } | { no: number; error: OrbatError };

/** The lines of a file, split on \n (a trailing \r dropped); an over-long line becomes an error. */
async function* jsonlLines(path: string, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let no = 0;
  const finish = (): Line => {
    no++;
    const line: Line = tooLong
      ? {
          no,
          error: new OrbatError(
            ErrorCodes.INPUT_TOO_LARGE,
            `line ${no}: longer than ${maxLineBytes} bytes; skipped (each line must be one article)`,
          ),
        }
      : { no, text: Buffer.concat(parts, size).toString("utf8").replace(/\r$/, "") };
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  const add = (piece: Buffer) => {
    if (tooLong || piece.length === 0) return;
    if (size + piece.length > maxLineBytes) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(piece);
    size += piece.length;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      add(chunk.subarray(from, nl));
      yield finish();
      from = nl + 1;
    }
    // Copied, so the line held over does not keep the whole read buffer alive.
    add(Buffer.from(chunk.subarray(from)));
  }
  if (size > 0 || tooLong) yield finish();
}
