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

export async function fetchText(url: string): Promise<{ content: string }> {
  const u = new URL(url);
  if (process.env.ORBAT_ALLOW_PRIVATE !== "1") {
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
  const res = await fetch(u, { redirect: "error", signal: AbortSignal.timeout(20_000) }).catch((e: Error) => {
    throw new OrbatError(ErrorCodes.FETCH, `fetch failed for ${url}: ${e.message}`);
  });
  if (!res.ok) throw new OrbatError(ErrorCodes.FETCH, `fetch ${url}: HTTP ${res.status}`);
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > MAX_BYTES) throw new OrbatError(ErrorCodes.INPUT_TOO_LARGE, `${url} is over 20 MB`);
  return { content: buf.toString("utf8") };
}
