// JSON Lines input: one article per line. A bad line yields an error for that line; the others go on.
import { z } from "zod";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import type { RawDocument } from "./document.js";
import { parseHtmlDocument } from "./html.js";

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
