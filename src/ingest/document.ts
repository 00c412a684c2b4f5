// Builds a DocumentRecord from raw text and metadata: the one place input is checked and normalised.
import { createHash } from "node:crypto";
import type { DocumentRecord } from "../core/analysis.js";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { detectLanguage } from "./language.js";

/**
 * The most characters one document may have: the API's limit too. Analysis time grows faster than the
 * length, so a document near the limit may still stop at its time budget (ORBAT_E_TIME_BUDGET).
 */
export const MAX_DOCUMENT_CHARS = 1_000_000;

export interface RawDocument {
  id?: string;
  title?: string;
  text: string;
  url?: string;
  source?: string;
  byline?: string;
  publishedAt?: string | null;
  format: DocumentRecord["format"];
}

/** True when the input looks like binary data rather than text (NUL bytes or many control characters). */
export function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) control++;
    if (c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Normalises a date string to ISO YYYY-MM-DD (or full ISO time); null when absent; throws when invalid. */
export function normalizeDate(value: string | null | undefined, what = "publication date"): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const v = value.trim();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : new Date(v);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200) {
    throw new OrbatError(ErrorCodes.DATE_INVALID, `invalid ${what}: "${v.slice(0, 60)}"`, "use YYYY-MM-DD");
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    if (d.toISOString().slice(0, 10) !== v)
      throw new OrbatError(ErrorCodes.DATE_INVALID, `invalid ${what}: "${v}"`, "use YYYY-MM-DD");
    return v;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * The first of a page's or feed's own dates that reads as a date (as written; makeDocument normalises it),
 * or null. A garbled date in scraped metadata costs the document its date (the time stage then infers
 * one), not the document itself.
 */
export function scrapedDate(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    if (typeof c !== "string" || c.trim() === "") continue;
    try {
      normalizeDate(c);
      return c;
    } catch {
      // not a date: try the next source
    }
  }
  return null;
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function makeDocument(raw: RawDocument): DocumentRecord {
  let text = raw.text;
  if (looksBinary(text))
    throw new OrbatError(ErrorCodes.INPUT_BINARY, "input looks like binary data, not text");
  text = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  if (text.trim() === "") throw new OrbatError(ErrorCodes.INPUT_EMPTY, "input has no text to analyse");
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new OrbatError(
      ErrorCodes.INPUT_TOO_LARGE,
      `document has ${text.length} characters; one document may have at most ${MAX_DOCUMENT_CHARS}`,
      "split it into separate articles, e.g. one per line of a JSON Lines file",
    );
  }
  const hash = contentHash(text);
  const title = (raw.title ?? "").replace(/\s+/g, " ").trim() || firstLine(text);
  return {
    id: raw.id ?? `doc-${hash.slice(0, 16)}`,
    title,
    text,
    ...(raw.url ? { url: raw.url } : {}),
    ...(raw.source ? { source: raw.source } : {}),
    ...(raw.byline ? { byline: raw.byline } : {}),
    publishedAt: normalizeDate(raw.publishedAt),
    publishedAtInferred: false,
    language: detectLanguage(text),
    format: raw.format,
    contentHash: hash,
  };
}

function firstLine(text: string): string {
  const trimmed = text.trim();
  const newline = trimmed.indexOf("\n");
  const line = newline < 0 ? trimmed : trimmed.slice(0, newline);
  return line.length > 140 ? `${line.slice(0, 137)}...` : line;
}
