// Which host names and addresses count as this machine's loopback. `orbat serve` listens only there without a
// token, and a server on loopback answers only requests that name a loopback host (a DNS-rebinding defence).
import ipaddr from "ipaddr.js";

/**
 * True for "localhost", 127.0.0.0/8 and ::1 (also IPv4-mapped, ::ffff:127.x.y.z), brackets allowed.
 * IPv4 is accepted only in plain dotted-decimal form: "127.1" or "0x7f.1" are loopback too, but nothing is
 * lost by asking for a token there, and no two parsers can then disagree about what the name means.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, "$1");
  if (h.toLowerCase() === "localhost") return true;
  if (ipaddr.IPv4.isValidFourPartDecimal(h)) return ipaddr.IPv4.parse(h).range() === "loopback";
  if (ipaddr.IPv6.isValid(h)) return ipaddr.process(h).range() === "loopback";
  return false;
}
