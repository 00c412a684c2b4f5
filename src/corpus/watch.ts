// `orbat watch`: polls feeds with conditional requests (ETag / Last-Modified), backs off on failures, stores
// new items, and fires alerts for new matching events.
import { appendFileSync, readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { analyzeBatch } from "../analyze.js";
import type { Analysis } from "../core/analysis.js";
import { ErrorCodes, isOrbatError, OrbatError } from "../core/errors.js";
import { parseFeed } from "../ingest/feed.js";
import { fetchConditional, postJson } from "../ingest/fetch.js";
import type { Kb } from "../kb/kb.js";
import type { FailureNote, Store } from "../store/store.js";

export const MAX_BACKOFF_S = 24 * 3600;

/** Feed URLs from an OPML file (every outline with an xmlUrl), or the arguments themselves. */
export function feedUrls(inputs: string[]): string[] {
  const out: string[] = [];
  for (const i of inputs) {
    if (!/^https?:\/\//i.test(i)) {
      let xml: string;
      try {
        xml = readFileSync(i, "utf8");
      } catch {
        throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no such file: ${i}`);
      }
      if (/<!ENTITY/i.test(xml))
        throw new OrbatError(ErrorCodes.FEED_MALFORMED, `${i}: entity declarations refused`);
      const data = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const n of node) walk(n);
          return;
        }
        if (!node || typeof node !== "object") return;
        const o = node as Record<string, unknown>;
        if (typeof o["@xmlUrl"] === "string") out.push(o["@xmlUrl"]);
        walk(o.outline);
      };
      walk(data?.opml?.body);
    } else out.push(i);
  }
  return [...new Set(out)];
}

export interface PollResult {
  url: string;
  status: "new" | "not-modified" | "error" | "not-due";
  stored: number;
  /** items that could not be analysed (recorded as failures in the store) */
  failed?: number;
  error?: string;
}

/** One pass over the feeds that are due. */
export async function pollFeeds(
  store: Store,
  kb: Kb,
  urls: string[],
  intervalS: number,
  now = new Date(),
): Promise<PollResult[]> {
  const results: PollResult[] = [];
  for (const url of urls) {
    const prev = (await store.feed(url)) ?? {
      url,
      etag: null,
      lastModified: null,
      lastChecked: null,
      nextCheck: null,
      failures: 0,
      lastError: null,
      itemsStored: 0,
    };
    if (prev.nextCheck && prev.nextCheck > now.toISOString()) {
      results.push({ url, status: "not-due", stored: 0 });
      continue;
    }
    const checked = now.toISOString();
    try {
      const r = await fetchConditional(url, { etag: prev.etag, lastModified: prev.lastModified });
      let stored = 0;
      const failed: FailureNote[] = [];
      if (r.status !== 304) {
        const analyses: Analysis[] = [];
        const cleared: string[] = [];
        const items = parseFeed(r.content ?? "");
        analyzeBatch(items, kb).forEach((a, i) => {
          // an item that cannot be analysed is recorded where `orbat stats` and the web app show failures,
          // not dropped; it is cleared once a later poll analyses it
          const d = items[i]!;
          const ref = `${url}#${d.url ?? d.id ?? `item-${i + 1}`}`;
          if (a instanceof OrbatError) failed.push({ ref, code: a.code, message: a.message });
          else {
            analyses.push(a);
            cleared.push(ref);
          }
        });
        stored = (await store.ingestMany(analyses, { failed, cleared })).filter((x) => x.stored).length;
      }
      await store.saveFeed({
        ...prev,
        etag: r.etag ?? null,
        lastModified: r.lastModified ?? null,
        lastChecked: checked,
        nextCheck: new Date(now.getTime() + intervalS * 1000).toISOString(),
        failures: 0,
        lastError: null,
        itemsStored: prev.itemsStored + stored,
      });
      results.push({
        url,
        status: r.status === 304 ? "not-modified" : "new",
        stored,
        ...(failed.length ? { failed: failed.length } : {}),
      });
    } catch (e) {
      if (!isOrbatError(e)) throw e;
      const failures = prev.failures + 1;
      const wait = Math.min(MAX_BACKOFF_S, intervalS * 2 ** failures);
      await store.saveFeed({
        ...prev,
        lastChecked: checked,
        nextCheck: new Date(now.getTime() + wait * 1000).toISOString(),
        failures,
        lastError: `${e.code}: ${e.message}`,
      });
      results.push({ url, status: "error", stored: 0, error: `${e.code}: ${e.message}` });
    }
  }
  return results;
}

/** Delivers new matching events for every saved alert: a webhook POST or lines appended to a file. */
export async function fireAlerts(store: Store): Promise<Array<{ name: string; events: number }>> {
  const out: Array<{ name: string; events: number }> = [];
  for (const a of await store.alerts()) {
    const now = new Date().toISOString();
    const events = await store.queryEvents({ ...a.filter, ingestedAfter: a.lastChecked });
    if (events.length > 0) {
      const payload = { alert: a.name, firedAt: now, events };
      if (a.target.startsWith("webhook:")) await postJson(a.target.slice("webhook:".length), payload);
      else if (a.target.startsWith("file:"))
        appendFileSync(a.target.slice("file:".length), `${JSON.stringify(payload)}\n`);
    }
    await store.markAlert(a.name, now);
    out.push({ name: a.name, events: events.length });
  }
  return out;
}
