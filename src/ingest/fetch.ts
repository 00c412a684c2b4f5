// Fetching a URL: refuses private, loopback and link-local targets unless ORBAT_ALLOW_PRIVATE=1.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { ErrorCodes, OrbatError } from "../core/errors.js";

const MAX_BYTES = 20 * 1024 * 1024;

function isPrivate(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split(".").map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    );
  }
  const v = ip.toLowerCase();
  if (v.startsWith("::ffff:")) return isPrivate(v.slice(7));
  return (
    v === "::1" ||
    v === "::" ||
    v.startsWith("fc") ||
    v.startsWith("fd") ||
    v.startsWith("fe80") ||
    v.startsWith("ff")
  );
}

async function checkTarget(u: URL): Promise<void> {
  if (!/^https?:$/.test(u.protocol))
    throw new OrbatError(ErrorCodes.FETCH_BLOCKED, `only http and https URLs are fetched, not ${u.protocol}`);
  if (process.env.ORBAT_ALLOW_PRIVATE === "1") return;
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const addrs = isIP(host) ? [{ address: host }] : await lookup(host, { all: true }).catch(() => []);
  if (addrs.length === 0) throw new OrbatError(ErrorCodes.FETCH, `cannot resolve ${u.hostname}`);
  if (addrs.some((a) => isPrivate(a.address))) {
    throw new OrbatError(
      ErrorCodes.FETCH_BLOCKED,
      `${u.hostname} resolves to a private or loopback address; refused`,
      "set ORBAT_ALLOW_PRIVATE=1 to allow private addresses",
    );
  }
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResult {
  status: number;
  content?: string;
  etag?: string | null;
  lastModified?: string | null;
}

/**
 * GET with conditional headers (ETag / Last-Modified): a 304 comes back without content. Redirects are
 * followed by hand (at most 5), each target checked before it is fetched.
 */
export async function fetchConditional(url: string, c: Conditional = {}): Promise<FetchResult> {
  let u = new URL(url);
  for (let hop = 0; hop < 6; hop++) {
    await checkTarget(u);
    const headers: Record<string, string> = { "User-Agent": "orbat" };
    if (c.etag) headers["If-None-Match"] = c.etag;
    if (c.lastModified) headers["If-Modified-Since"] = c.lastModified;
    const res = await fetch(u, { redirect: "manual", headers, signal: AbortSignal.timeout(20_000) }).catch(
      (e: Error) => {
        throw new OrbatError(ErrorCodes.FETCH, `fetch failed for ${u}: ${e.message}`);
      },
    );
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && res.headers.get("location")) {
      u = new URL(res.headers.get("location")!, u);
      continue;
    }
    if (res.status === 304)
      return { status: 304, etag: c.etag ?? null, lastModified: c.lastModified ?? null };
    if (!res.ok) throw new OrbatError(ErrorCodes.FETCH, `fetch ${u}: HTTP ${res.status}`);
    const buf = Buffer.from(await res.arrayBuffer());
    if (buf.length > MAX_BYTES) throw new OrbatError(ErrorCodes.INPUT_TOO_LARGE, `${u} is over 20 MB`);
    return {
      status: res.status,
      content: buf.toString("utf8"),
      etag: res.headers.get("etag"),
      lastModified: res.headers.get("last-modified"),
    };
  }
  throw new OrbatError(ErrorCodes.FETCH, `too many redirects from ${url}`);
}

export async function fetchText(url: string): Promise<{ content: string }> {
  const r = await fetchConditional(url);
  return { content: r.content ?? "" };
}

/** POST a JSON body (alert webhooks), to a checked target, with no redirects. */
export async function postJson(url: string, body: unknown): Promise<number> {
  const u = new URL(url);
  await checkTarget(u);
  const res = await fetch(u, {
    method: "POST",
    redirect: "error",
    headers: { "Content-Type": "application/json", "User-Agent": "orbat" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  }).catch((e: Error) => {
    throw new OrbatError(ErrorCodes.FETCH, `webhook ${u} failed: ${e.message}`);
  });
  if (!res.ok) throw new OrbatError(ErrorCodes.FETCH, `webhook ${u}: HTTP ${res.status}`);
  return res.status;
}
