// A short-lived cache of serialised API answers. Identical requests arriving together share one query and
// one serialisation, and a busy map view does not re-read 10,000 events per request. Writes through this
// server clear it at once; writes by other processes (ingest, workers) show within the time to live.
import { createHash } from "node:crypto";

export interface CachedBody {
  body: string;
  etag: string;
}

export class ResponseCache {
  private entries = new Map<string, CachedBody & { at: number }>();
  private inflight = new Map<string, Promise<CachedBody>>();
  private generation = 0;

  constructor(
    private readonly ttlMs = 3000,
    private readonly maxEntries = 32,
    /** answers larger than this are served but not kept */
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  async get(key: string, compute: () => Promise<unknown> | unknown, ttlMs = this.ttlMs): Promise<CachedBody> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const work = (async () => {
      const body = JSON.stringify(await compute());
      const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
      // a write that happened while this was computed makes the answer stale: serve it, do not keep it
      if (generation === this.generation && body.length <= this.maxBytes) {
        if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, { body, etag, at: Date.now() });
      }
      return { body, etag };
    })().finally(() => this.inflight.delete(key));
    this.inflight.set(key, work);
    return work;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inflight.clear();
  }
}
