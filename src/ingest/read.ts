// Reading inputs at the edge: files, standard input and URLs, and deciding their format.
import { readFile, stat } from "node:fs/promises";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { looksLikeFeed } from "./feed.js";

export type InputFormat = "text" | "html" | "rss" | "jsonl";
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export async function readSource(spec: string): Promise<{ content: string; name: string; url?: string }> {
  if (spec === "-") {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of process.stdin) {
      size += (c as Buffer).length;
      if (size > MAX_INPUT_BYTES)
        throw new OrbatError(ErrorCodes.INPUT_TOO_LARGE, "standard input is over 50 MB");
      chunks.push(c as Buffer);
    }
    return { content: decode(Buffer.concat(chunks)), name: "stdin" };
  }
  if (/^https?:\/\//i.test(spec)) {
    const { fetchText } = await import("./fetch.js");
    return { ...(await fetchText(spec)), name: spec, url: spec };
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(spec);
  } catch {
    throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no such file: ${spec}`);
  }
  if (info.isDirectory()) throw new OrbatError(ErrorCodes.INPUT_FORMAT, `${spec} is a directory, not a file`);
  if (info.size > MAX_INPUT_BYTES) {
    throw new OrbatError(
      ErrorCodes.INPUT_TOO_LARGE,
      `${spec} is ${info.size} bytes; the limit is ${MAX_INPUT_BYTES}`,
    );
  }
  return { content: decode(await readFile(spec)), name: spec };
}

function decode(buf: Buffer): string {
  if (buf.includes(0))
    throw new OrbatError(ErrorCodes.INPUT_BINARY, "input contains NUL bytes: binary data, not text");
  return new TextDecoder("utf-8", { fatal: false }).decode(buf);
}

export function detectFormat(name: string, content: string): InputFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (/\.(rss|atom|xml)$/.test(lower) || looksLikeFeed(content)) return "rss";
  if (/\.html?$/.test(lower) || /^\s*(<!doctype html|<html|<head|<body|<article)/i.test(content))
    return "html";
  // a fragment of markup saved as text: "<p>Allies delivered ...</p> <p>Russia launched ...</p>" (its
  // paragraphs are sentences apart, and its tags no words)
  if (
    /^\s*<(?:p|div|section|main|h[1-6]|ul|ol|table|figure|blockquote)\b[^>]*>/i.test(content) &&
    /<\/(?:p|div|section|h[1-6]|li|td)>/i.test(content)
  )
    return "html";
  if (
    /^\s*\{"/.test(content) &&
    content
      .trim()
      .split("\n")
      .every((l) => l.trim() === "" || l.trim().startsWith("{"))
  )
    return "jsonl";
  return "text";
}
