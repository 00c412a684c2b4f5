// Fetching URLs without being turned against the network we run in (SSRF): only http(s); every address a
// name resolves to must be public unicast (checked with ipaddr.js), unless private addresses are allowed;
// the connection goes to the very address that was checked (no second DNS lookup that a rebinding answer
// could change); redirects are followed by hand and re-checked; response size, time and hops are capped.
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, type Response, fetch as undiciFetch } from "undici";
import { ErrorCodes, OrbatError } from "../core/errors.js";

/** Every address a host name resolves to. Injectable so tests can play DNS (including a rebinding one). */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface FetchOptions {
  /** let private, loopback and link-local targets through; default: ORBAT_ALLOW_PRIVATE=1 (--allow-private) */
  allowPrivate?: boolean;
  /**
   * Exact "address:port" endpoints let through the address policy. No user setting reaches this: tests use
   * it to let one loopback server stand in for a public host while every other private target stays refused.
   */
  trustedEndpoints?: readonly string[];
  resolve?: Resolver;
  maxBytes?: number;
  /** the whole fetch, redirects and body included */
  timeoutMs?: number;
  /** from sending a request to its response headers */
  headersTimeoutMs?: number;
  maxRedirects?: number;
}

const DEFAULTS = { maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, headersTimeoutMs: 10_000, maxRedirects: 5 };
const ALLOW_HINT = "pass --allow-private or set ORBAT_ALLOW_PRIVATE=1 to allow private addresses";

// Cloud metadata services: refused even when private addresses are allowed, since no feed lives there.
const METADATA_NAMES = new Set([
  "metadata.google.internal",
  "metadata.goog",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
]);
const METADATA_ADDRESSES = new Set(
  ["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"].map((a) =>
    ipaddr.parse(a).toNormalizedString(),
  ),
);
// IPv4-compatible IPv6 (::a.b.c.d, deprecated): ipaddr.js calls it unicast, but it only ever embeds IPv4.
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");
const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback",
  private: "a private",
  linkLocal: "a link-local",
  uniqueLocal: "a unique-local (private)",
  unspecified: "an unspecified",
  multicast: "a multicast",
  broadcast: "a broadcast",
  carrierGradeNat: "a carrier-grade NAT (shared)",
  reserved: "a reserved",
  rfc6052: "a NAT64 (embedded IPv4)",
  rfc6145: "an IPv4-translated",
  "6to4": "a 6to4 (embedded IPv4)",
  teredo: "a Teredo (embedded IPv4)",
};

const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * What kind of forbidden address this is ("a loopback address"), or null when it may be fetched: anything
 * ipaddr.js does not class as plain unicast is refused unless private addresses are allowed; metadata
 * addresses always are. The caller unwraps IPv4-mapped IPv6 first (ipaddr.process).
 */
function forbiddenKind(addr: ipaddr.IPv4 | ipaddr.IPv6, allowPrivate: boolean): string | null {
  if (METADATA_ADDRESSES.has(addr.toNormalizedString())) return "a cloud metadata address";
  if (allowPrivate) return null;
  const range = addr.range();
  if (range !== "unicast") return `${RANGE_WORDS[range] ?? `a non-public (${range})`} address`;
  if (addr.kind() === "ipv6" && addr.match(IPV4_COMPATIBLE)) return "an IPv4-compatible address";
  return null;
}

/** A URL that passed the policy, with the address to connect to. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Checks a URL: scheme, host name, and every address it resolves to. Throws ORBAT_E_FETCH_BLOCKED. */
export async function checkTarget(target: string | URL, o: FetchOptions = {}): Promise<CheckedTarget> {
  const url = parseUrl(target);
  const refuse = (why: string, hint?: string) =>
    new OrbatError(ErrorCodes.FETCH_BLOCKED, `refusing to fetch ${url}: ${why}`, hint);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw refuse(`only http and https URLs are fetched, not ${url.protocol}`);
  const allowPrivate = o.allowPrivate ?? process.env.ORBAT_ALLOW_PRIVATE === "1";
  // The WHATWG parser has already turned 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 into 127.0.0.1.
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  const literal = ipaddr.isValid(host);
  if (!literal) {
    if (METADATA_NAMES.has(host)) throw refuse(`${host} is a cloud metadata name`);
    if (!allowPrivate && (host === "localhost" || host.endsWith(".localhost")))
      throw refuse(`${host} is a loopback name`, ALLOW_HINT);
  }
  const addresses = literal
    ? [host]
    : await (o.resolve ?? systemResolver)(host).catch((e: Error) => {
        throw new OrbatError(ErrorCodes.FETCH, `cannot resolve ${host}: ${e.message}`);
      });
  if (addresses.length === 0) throw new OrbatError(ErrorCodes.FETCH, `cannot resolve ${host}: no addresses`);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const checked = addresses.map((a) => {
    if (!ipaddr.isValid(a))
      throw new OrbatError(ErrorCodes.FETCH, `${host} resolved to "${a}", not an address`);
    return ipaddr.process(a);
  });
  for (const addr of checked) {
    if (o.trustedEndpoints?.includes(addr.kind() === "ipv6" ? `[${addr}]:${port}` : `${addr}:${port}`))
      continue;
    const kind = forbiddenKind(addr, allowPrivate);
    if (kind)
      throw refuse(
        literal ? `${addr} is ${kind}` : `${host} resolves to ${addr}, ${kind}`,
        kind.includes("metadata") ? undefined : ALLOW_HINT,
      );
  }
  const first = checked[0]!;
  return { url, address: first.toString(), family: first.kind() === "ipv6" ? 6 : 4 };
}

function parseUrl(target: string | URL): URL {
  if (target instanceof URL) return target;
  try {
    return new URL(target);
  } catch {
    throw new OrbatError(ErrorCodes.FETCH, `not a valid URL: ${target.slice(0, 200)}`);
  }
}

/** A connection pool whose every socket goes to the checked address; Host and SNI stay the URL's name. */
function pinnedAgent(t: CheckedTarget, headersTimeout: number): Agent {
  const lookup: LookupFunction = (_host, opts, callback) => {
    if (opts.all) callback(null, [{ address: t.address, family: t.family }]);
    else callback(null, t.address, t.family);
  };
  return new Agent({ connect: { lookup }, headersTimeout, connections: 1 });
}

interface Sent {
  res: Response;
  url: URL;
  done: () => void;
}

/**
 * Sends a request, following redirects by hand (each hop checked again) when `follow` is set. The caller
 * reads the body and then calls `done` to close the pinned connection.
 */
async function send(
  start: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  o: FetchOptions,
  signal: AbortSignal,
  follow: boolean,
): Promise<Sent> {
  const maxRedirects = o.maxRedirects ?? DEFAULTS.maxRedirects;
  let url = parseUrl(start);
  for (let hop = 0; ; hop++) {
    const target = await checkTarget(url, o);
    const agent = pinnedAgent(target, o.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs);
    const done = () => void agent.destroy().catch(() => {});
    let res: Response;
    try {
      res = await undiciFetch(url, { ...init, redirect: "manual", dispatcher: agent, signal });
    } catch (e) {
      done();
      throw fetchError(e, url, o, signal);
    }
    const location = res.headers.get("location");
    if (!follow || res.status < 300 || res.status >= 400 || res.status === 304 || !location)
      return { res, url, done };
    done();
    if (hop >= maxRedirects)
      throw new OrbatError(ErrorCodes.FETCH, `too many redirects from ${start} (more than ${maxRedirects})`);
    try {
      url = new URL(location, url);
    } catch {
      throw new OrbatError(ErrorCodes.FETCH, `${url} redirects to an invalid URL`);
    }
  }
}

function fetchError(e: unknown, url: URL, o: FetchOptions, signal: AbortSignal): OrbatError {
  if (e instanceof OrbatError) return e;
  if (signal.aborted)
    return new OrbatError(
      ErrorCodes.FETCH_TIMEOUT,
      `fetching ${url} took longer than ${(o.timeoutMs ?? DEFAULTS.timeoutMs) / 1000} s`,
    );
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "UND_ERR_HEADERS_TIMEOUT")
    return new OrbatError(
      ErrorCodes.FETCH_TIMEOUT,
      `${url} sent no response within ${(o.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs) / 1000} s`,
    );
  return new OrbatError(
    ErrorCodes.FETCH,
    `fetch failed for ${url}: ${cause?.message ?? (e as Error).message}`,
  );
}

/** Reads a body, stopping (and dropping the connection) as soon as it passes the cap. */
async function readCapped(s: Sent, o: FetchOptions, signal: AbortSignal): Promise<Buffer> {
  const max = o.maxBytes ?? DEFAULTS.maxBytes;
  const tooLarge = () =>
    new OrbatError(ErrorCodes.FETCH_TOO_LARGE, `${s.url} is larger than ${formatBytes(max)}; not read`);
  try {
    if (Number(s.res.headers.get("content-length")) > max) throw tooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of s.res.body ?? []) {
      size += chunk.length;
      if (size > max) throw tooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (e) {
    throw fetchError(e, s.url, o, signal);
  } finally {
    s.done();
  }
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : `${n} bytes`;
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

/** GET with conditional headers (ETag / Last-Modified): a 304 comes back without content. */
export async function fetchConditional(
  url: string,
  c: Conditional = {},
  o: FetchOptions = {},
): Promise<FetchResult> {
  const headers: Record<string, string> = { "User-Agent": "orbat" };
  if (c.etag) headers["If-None-Match"] = c.etag;
  if (c.lastModified) headers["If-Modified-Since"] = c.lastModified;
  const signal = AbortSignal.timeout(o.timeoutMs ?? DEFAULTS.timeoutMs);
  const sent = await send(url, { method: "GET", headers }, o, signal, true);
  const { res } = sent;
  if (res.status === 304) {
    sent.done();
    return { status: 304, etag: c.etag ?? null, lastModified: c.lastModified ?? null };
  }
  if (!res.ok) {
    sent.done();
    throw new OrbatError(ErrorCodes.FETCH, `fetch ${sent.url}: HTTP ${res.status}`);
  }
  const body = await readCapped(sent, o, signal);
  return {
    status: res.status,
    content: body.toString("utf8"),
    etag: res.headers.get("etag"),
    lastModified: res.headers.get("last-modified"),
  };
}

export async function fetchText(url: string, o: FetchOptions = {}): Promise<{ content: string }> {
  const r = await fetchConditional(url, {}, o);
  return { content: r.content ?? "" };
}

/** POST a JSON body (alert webhooks) to a checked target; redirects are not followed. */
export async function postJson(url: string, body: unknown, o: FetchOptions = {}): Promise<number> {
  const signal = AbortSignal.timeout(o.timeoutMs ?? DEFAULTS.timeoutMs);
  const headers = { "Content-Type": "application/json", "User-Agent": "orbat" };
  const sent = await send(url, { method: "POST", headers, body: JSON.stringify(body) }, o, signal, false);
  sent.done();
  if (!sent.res.ok) throw new OrbatError(ErrorCodes.FETCH, `webhook ${url}: HTTP ${sent.res.status}`);
  return sent.res.status;
}
