// The server lets nobody in where they do not belong: loopback unless there is a token, writes only with the
// token and from our own origin, no CORS, DNS-rebinding refused, strict headers, every malformed request a 4xx
// JSON error (never a 5xx), query values reaching SQL only as bound parameters, static files that cannot
// escape their folder. Against real servers on a real SQLite store; raw sockets where fetch would clean up
// the request first; the in-process app for the property test.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRaw } from "../src/analyze.js";
import { type RunningServer, startServer } from "../src/cli/serve-command.js";
import { isOrbatError } from "../src/core/errors.js";
import { fixtureDocument, loadFixtures } from "../src/eval/fixtures.js";
import { createApp } from "../src/server/app.js";
import { isLoopbackHost } from "../src/server/hosts.js";
import { Store } from "../src/store/store.js";
import { kb } from "./helpers.js";

const ROOT = new URL("..", import.meta.url).pathname;
const TOKEN = "security-test-token-0123456789";
const dir = mkdtempSync(join(tmpdir(), "orbat-sec-"));
const db = join(dir, "sec.db");
let server: RunningServer;
let base: URL;

beforeAll(async () => {
  const store = await Store.open(db);
  await store.ingestMany(
    loadFixtures()
      .slice(0, 6)
      .map((g) => analyzeRaw(fixtureDocument(g), kb)),
  );
  await store.close();
  server = await startServer({ db, port: 0, host: "127.0.0.1", token: TOKEN }, kb);
  base = new URL(server.url);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes exactly as given (no URL clean-up by a client) and reads the whole answer. */
function raw(port: number, head: string, body = ""): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = connect(port, "127.0.0.1", () =>
      s.end(`${head}\r\nConnection: close\r\n\r\n${body}`, "latin1"),
    );
    s.on("data", (d) => chunks.push(d));
    s.on("error", reject);
    s.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [top = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...lines] = top.split("\r\n");
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
      );
      let payload = rest.join("\r\n\r\n");
      if (headers["transfer-encoding"] === "chunked") payload = unchunk(payload);
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: payload });
    });
  });
}

function unchunk(s: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const eol = s.indexOf("\r\n", i);
    const size = Number.parseInt(s.slice(i, eol), 16);
    if (!size) return out;
    out += s.slice(eol + 2, eol + 2 + size);
    i = eol + 2 + size + 2;
  }
}

const get = (port: number, path: string) => raw(port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}`);

const api = (path: string, init: RequestInit = {}) => fetch(new URL(path, base), init);
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  api(path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...headers },
  });

/** A 4xx answer in the API's error shape. */
async function expectClientError(r: Response, status?: number): Promise<{ code: string; message: string }> {
  expect(r.status, `${r.url} ${r.status}`).toBeGreaterThanOrEqual(400);
  expect(r.status, `${r.url} ${r.status}`).toBeLessThan(500);
  if (status) expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/application\/json/);
  const body = (await r.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.code).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(5);
  return body.error;
}

const documents = async () => ((await (await api("/api/stats")).json()) as { documents: number }).documents;

describe("listening", () => {
  it("counts only 127.0.0.0/8, ::1 and localhost as loopback", () => {
    for (const h of ["127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "[::1]", "0:0:0:0:0:0:0:1"])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["localhost", "LocalHost", "::ffff:127.0.0.1"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of [
      "0.0.0.0",
      "::",
      "[::]",
      "192.168.1.10",
      "10.0.0.1",
      "128.0.0.1",
      "fe80::1",
      "::ffff:192.168.1.1",
      "localhost.",
      "localhost.evil.example",
      "127.0.0.1.nip.io",
      "127.0.0.1.",
      "127.1",
      "0x7f000001",
      "",
    ])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it("refuses every other interface without a token, and short tokens", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "localhost.", "127.1", ""]) {
      const e = await startServer({ db, port: 0, host }, kb).catch((x: unknown) => x);
      expect(isOrbatError(e) && e.code, host).toBe("ORBAT_E_USAGE");
      expect((e as Error).message).toMatch(/without a token/);
    }
    const short = await startServer({ db, port: 0, host: "0.0.0.0", token: "short" }, kb).catch((x) => x);
    expect((short as Error).message).toMatch(/shorter than 16/);
  });

  it("listens on any loopback address without a token, and elsewhere with one", async () => {
    for (const host of ["127.0.0.2", "::1", "localhost"]) {
      const s = await startServer({ db, port: 0, host }, kb);
      expect(s.token).toMatch(/^[0-9a-f]{32}$/);
      expect((await fetch(new URL("/api/health", s.url))).status).toBe(200);
      await s.close();
    }
    const lan = await startServer({ db, port: 0, host: "0.0.0.0", token: TOKEN }, kb);
    const port = Number(new URL(lan.url).port);
    // Not on loopback: any Host name is answered (the token guards writes).
    expect((await raw(port, "GET /api/health HTTP/1.1\r\nHost: orbat.example")).status).toBe(200);
    await lan.close();
  });

  it("`orbat serve --host 0.0.0.0` without a token exits 2 at once with one clear line", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env.ORBAT_TOKEN;
    for (const host of ["0.0.0.0", "::", "localhost."]) {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, "bin/orbat.js"), "serve", "--host", host, "--port", "0", "--db", join(dir, "cli.db")],
        { cwd: ROOT, encoding: "utf8", env, timeout: 30_000 },
      );
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/ORBAT_E_USAGE.*refusing to listen on .* without a token.*--token/);
    }
  }, 60_000);
});

describe("requests from elsewhere", () => {
  it("sends no CORS headers, to simple requests or preflights", async () => {
    const answers = [
      await api("/api/events?limit=1", { headers: { Origin: "http://evil.example" } }),
      await api("/api/analyze", {
        method: "OPTIONS",
        headers: {
          Origin: "http://evil.example",
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization, content-type",
        },
      }),
      await post("/api/analyze", { text: "x" }, { Origin: "http://evil.example" }),
    ];
    for (const r of answers) {
      expect([...r.headers.keys()].filter((k) => k.startsWith("access-control-"))).toEqual([]);
      await r.arrayBuffer();
    }
    expect(answers[1]!.status).toBeGreaterThanOrEqual(400);
  });

  it("refuses writes from another origin, even with the token", async () => {
    const before = await documents();
    const text = "Russia deployed S-400 systems to Kaliningrad on Monday.";
    for (const origin of ["http://evil.example", "null", `http://localhost:${base.port}`, "garbage"]) {
      const r = await post(
        "/api/analyze",
        { text, store: true },
        { Origin: origin, Authorization: `Bearer ${TOKEN}` },
      );
      expect((await expectClientError(r, 403)).code).toBe("cross-origin");
    }
    const same = await post("/api/analyze", { text }, { Origin: base.origin });
    expect(same.status).toBe(200);
    expect(await documents()).toBe(before);
  });

  it("answers only loopback host names on loopback (DNS rebinding)", async () => {
    const port = Number(base.port);
    for (const host of [
      "evil.example",
      `evil.example:${port}`,
      "127.0.0.1.nip.io",
      "localhost.evil.example",
    ]) {
      const r = await raw(port, `GET /api/events HTTP/1.1\r\nHost: ${host}`);
      expect([r.status, JSON.parse(r.body).error.code], host).toEqual([403, "host-not-allowed"]);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST:${port}`]) {
      const r = await raw(port, `GET /api/health HTTP/1.1\r\nHost: ${host}`);
      expect(r.status, host).toBe(200);
    }
    const s = await startServer({ db, port: 0, host: "127.0.0.1", allowedHosts: ["orbat.test"] }, kb);
    const p = Number(new URL(s.url).port);
    expect((await raw(p, "GET /api/health HTTP/1.1\r\nHost: orbat.test")).status).toBe(200);
    expect((await raw(p, "GET /api/health HTTP/1.1\r\nHost: other.test")).status).toBe(403);
    await s.close();
  });
});

describe("writes need the token", () => {
  const text = "Iran tested a Fateh-110 missile near Bandar Abbas on Monday, state media said.";
  const wrong = [
    undefined,
    "",
    "Bearer",
    "Bearer ",
    `Bearer ${TOKEN.slice(0, -1)}`,
    `Bearer ${TOKEN}x`,
    `Bearer ${TOKEN.slice(0, -1)}X`,
    `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`,
  ];

  it("stores through POST /api/analyze only with the right token", async () => {
    const before = await documents();
    for (const auth of wrong) {
      const r = await post(
        "/api/analyze",
        { text, store: true },
        auth === undefined ? {} : { Authorization: auth },
      );
      await expectClientError(r, 401);
    }
    expect(await documents()).toBe(before);
    // Analysing without storing is open: the web app's paste box.
    expect((await post("/api/analyze", { text })).status).toBe(200);
    expect(await documents()).toBe(before);
    const ok = await post("/api/analyze", { text, store: true }, { Authorization: `bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(await documents()).toBe(before + 1);
  });

  it("refuses every other non-GET request without the token, before reading the body", async () => {
    const writes: Array<[string, string]> = [
      ["PUT", "/api/analyze"],
      ["PATCH", "/api/analyze"],
      ["DELETE", "/api/analyze"],
      ["POST", "/api/events"],
      ["DELETE", "/api/documents/a01-venezuela-pechora-paraguana"],
      ["PUT", "/api/documents/a01-venezuela-pechora-paraguana"],
      ["POST", "/api/entities"],
      ["POST", "/api/stats"],
      ["POST", "/api/export"],
      ["POST", "/"],
      ["DELETE", "/index.html"],
    ];
    for (const [method, path] of writes) {
      for (const auth of wrong.slice(0, 6)) {
        const r = await api(path, {
          method,
          body: "{}",
          headers: {
            "Content-Type": "application/json",
            ...(auth === undefined ? {} : { Authorization: auth }),
          },
        });
        expect((await expectClientError(r, 401)).code, `${method} ${path}`).toBe("token-required");
      }
      // With the token there is still no such route: nothing is written.
      const r = await api(path, {
        method,
        body: "{}",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
      });
      await expectClientError(r, 404);
    }
    // A 3 MB body without the token is refused for the token (401), not for its size: it was never read.
    const big = await api("/api/events", {
      method: "POST",
      body: "x".repeat(3 * 1024 * 1024),
      headers: { "Content-Type": "application/json" },
    });
    expect((await expectClientError(big, 401)).code).toBe("token-required");
  });

  it("takes write bodies as JSON only", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "",
    ]) {
      const r = await api("/api/analyze", {
        method: "POST",
        body: JSON.stringify({ text }),
        headers: type ? { "Content-Type": type } : {},
      });
      expect((await expectClientError(r, 415)).code).toBe("unsupported-media-type");
    }
  });
});

describe("malformed requests are 4xx JSON, never 5xx", () => {
  it("rejects malformed JSON bodies and wrong field types", async () => {
    const bodies = [
      "{not json",
      "",
      "null",
      "[]",
      '"text"',
      "42",
      JSON.stringify({ text: 5 }),
      JSON.stringify({ text: "" }),
      JSON.stringify({ text: ["a"] }),
      JSON.stringify({ text: "x", store: "yes" }),
      JSON.stringify({ text: "x", title: { a: 1 } }),
      JSON.stringify({ text: "x".repeat(1_000_001) }),
      `${"[".repeat(200_000)}${"]".repeat(200_000)}`,
      '{"text": "\\ud800 unpaired", "publishedAt": 12}',
    ];
    for (const b of bodies) await expectClientError(await post("/api/analyze", b), 400);
    const invalidUtf8 = await raw(
      Number(base.port),
      `POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 6`,
      '{"\xff\xfe":',
    );
    expect(invalidUtf8.status).toBe(400);
  });

  it("refuses bodies over 2 MB, with or without Content-Length", async () => {
    const big = JSON.stringify({ text: "x".repeat(3 * 1024 * 1024) });
    const sized = await post("/api/analyze", big);
    expect((await expectClientError(sized, 413)).code).toBe("payload-too-large");
    // Chunked: no Content-Length, the limit is counted as the body arrives.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port: base.port,
          path: "/api/analyze",
          method: "POST",
          headers: { "Content-Type": "application/json" },
        },
        (res) => {
          let body = "";
          res.on("data", (d) => {
            body += d;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", (e) => (/EPIPE|ECONNRESET/.test(String(e)) ? undefined : reject(e)));
      for (let i = 0; i < 48; i++) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe("payload-too-large");
  });

  it("rejects malformed query parameters with a message that says what they take", async () => {
    const bad = [
      "/api/events?bbox=1,2",
      "/api/events?bbox=a,b,c,d",
      "/api/events?bbox=1,2,3,4,5",
      "/api/events?bbox=0,10,20,95",
      "/api/events?bbox=-200,0,0,10",
      "/api/events?bbox=0,20,10,10",
      "/api/events?bbox=NaN,0,1,1",
      "/api/events?bbox=Infinity,0,1,1",
      "/api/events?bbox=,,,",
      "/api/events?limit=-1",
      "/api/events?limit=0",
      "/api/events?limit=abc",
      "/api/events?limit=1.5",
      "/api/events?limit=1e3",
      "/api/events?since=yesterday",
      "/api/events?until=2025-13-45x",
      `/api/events?since=${encodeURIComponent("' OR 1=1 --")}`,
      "/api/events?minCorroboration=NaN",
      "/api/events?minCorroboration=-1",
      "/api/events?minCorroboration=1.5",
      `/api/events?text=${"a".repeat(501)}`,
      `/api/events?country=${"A".repeat(201)}`,
      "/api/export?format=xml",
      "/api/export?limit=-5",
      "/api/entities?limit=-5",
      "/api/entities?limit=x",
      "/api/stories?limit=abc",
    ];
    for (const path of bad) {
      const e = await expectClientError(await api(path), 400);
      expect(e.code, path).toBe("bad-query");
    }
    const clamped = await api("/api/events?limit=99999999999999999999");
    expect(clamped.status).toBe(200);
  });

  it("answers unknown ids and routes with 404", async () => {
    for (const path of [
      "/api/documents/nope",
      `/api/documents/${encodeURIComponent("' OR 1=1 --")}`,
      "/api/documents/%00",
      "/api/nope",
      "/api/events/extra",
    ])
      await expectClientError(await api(path), 404);
    // An entity nobody mentions has no events: an empty list, not an error.
    expect(await (await api("/api/entities/no-such-entity/events")).json()).toEqual([]);
  });

  it("never answers 5xx to random query strings (property)", async () => {
    const store = await Store.open(db);
    const app = createApp({ store, kb, token: TOKEN });
    const names = [
      "text",
      "country",
      "type",
      "cameo",
      "entity",
      "equipment",
      "since",
      "until",
      "bbox",
      "limit",
      "minCorroboration",
      "format",
      "factuality",
    ];
    const paths = ["/api/events", "/api/export", "/api/entities", "/api/stories"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(fc.constantFrom(...names), fc.string({ unit: "binary", maxLength: 40 }), {
          maxKeys: 4,
        }),
        async (path, q) => {
          const r = await app.request(`${path}?${new URLSearchParams(q)}`);
          expect(r.status, `${path}?${new URLSearchParams(q)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    await store.close();
  }, 60_000);
});

describe("SQL", () => {
  const INJECTIONS = [
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    '"; DROP TABLE events; --',
    "1) OR (1=1",
    "NEAR(",
    'NEAR("a" "b", 2)',
    '"',
    "*",
    "a OR b",
    "documents_fts MATCH 'x'",
    "\\",
    "%",
    "_",
    "\u0000",
    "🙂'",
  ];

  it("takes injection strings in every parameter as plain values, and the tables stay intact", async () => {
    const total = ((await (await api("/api/events?limit=20000")).json()) as unknown[]).length;
    const before = await (await api("/api/stats")).json();
    for (const value of INJECTIONS) {
      const v = encodeURIComponent(value);
      // Exact-match filters: an injection that worked would return every event.
      for (const name of ["country", "type", "entity", "factuality", "equipment"]) {
        const r = await api(`/api/events?${name}=${v}`);
        expect(r.status, `${name}=${value}`).toBe(200);
        expect(await r.json(), `${name}=${value}`).toEqual([]);
      }
      // Free text goes through FTS5 as quoted words: FTS syntax is never syntax.
      const t = await api(`/api/events?text=${v}`);
      expect(t.status, `text=${value}`).toBe(200);
      expect(((await t.json()) as unknown[]).length).toBeLessThanOrEqual(total);
      for (const path of [
        `/api/entities?q=${v}`,
        `/api/entities?kind=${v}`,
        `/api/export?format=csv&type=${v}`,
      ]) {
        expect((await api(path)).status, path).toBe(200);
      }
      expect((await api(`/api/entities/${v}/events`)).status).toBe(200);
      expect((await api(`/api/documents/${v}`)).status).toBe(404);
    }
    expect(await (await api("/api/stats")).json()).toEqual(before);
    const sqlite = new Database(db, { readonly: true });
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
    }>;
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["documents", "events", "entities", "documents_fts"]),
    );
    expect((sqlite.prepare("SELECT COUNT(*) AS n FROM events").get() as { n: number }).n).toBe(before.events);
    sqlite.close();
  });
});

describe("headers and static files", () => {
  it("sends a strict CSP and nosniff on every answer", async () => {
    for (const path of ["/", "/api/health", "/api/nope", "/api/events?limit=x", "/assets/none.js"]) {
      const r = await api(path);
      const csp = r.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/base-uri 'none'/);
      expect(csp).toMatch(/form-action 'self'/);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      await r.arrayBuffer();
    }
  });

  /** A web app folder with a secret next to it and a symlink pointing out of it. */
  function staticSite(): string {
    const site = mkdtempSync(join(tmpdir(), "orbat-site-"));
    writeFileSync(join(site, "SECRET.txt"), "TOP-SECRET-SENTINEL");
    mkdirSync(join(site, "web", "assets"), { recursive: true });
    writeFileSync(join(site, "web", "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(site, "web", "assets", "app.js"), "console.log(1)");
    symlinkSync(join(site, "SECRET.txt"), join(site, "web", "link.txt"));
    return join(site, "web");
  }

  it("cannot be made to read outside the app folder", async () => {
    const store = await Store.open(db);
    const app = createApp({ store, kb, token: TOKEN, staticDir: staticSite() });
    const s = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const srv = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(srv));
    });
    const port = (s.address() as { port: number }).port;
    const attempts = [
      "/../SECRET.txt",
      "/assets/../../SECRET.txt",
      "/%2e%2e/SECRET.txt",
      "/%2e%2e%2fSECRET.txt",
      "/..%2fSECRET.txt",
      "/assets%2f..%2f..%2fSECRET.txt",
      "/%252e%252e/SECRET.txt",
      "/%252e%252e%252fSECRET.txt",
      "/..%5cSECRET.txt",
      "/..\\SECRET.txt",
      "/assets\\..\\..\\SECRET.txt",
      `/${encodeURIComponent(join(dir, "..", "SECRET.txt"))}`,
      "//etc/passwd",
      "/%2fetc%2fpasswd",
      "/etc/passwd",
      "/index.html%00.js",
      "/%00",
      "/link.txt",
      "/%E0%A4%A",
      "/%",
      "/assets",
      "/assets/",
      "/.",
      "/%2e",
    ];
    for (const path of attempts) {
      const r = await get(port, path);
      expect(r.status, path).toBeLessThan(500);
      expect(r.body, path).not.toMatch(/TOP-SECRET-SENTINEL|root:x:0:0/);
      expect([200, 400], path).toContain(r.status);
      if (r.status === 200) expect(r.body, path).toMatch(/<title>app<\/title>/);
    }
    for (const path of ["/..%2fSECRET.txt", "/%2e%2e%2fSECRET.txt", "/%00", "/link.txt", "/index.html%00.js"])
      expect((await get(port, path)).status, path).toBe(400);
    const js = await get(port, "/assets/app.js");
    expect([js.status, js.headers["content-type"], js.body]).toEqual([
      200,
      "text/javascript; charset=utf-8",
      "console.log(1)",
    ]);
    await new Promise<void>((r) => s.close(() => r()));
    await store.close();
  });

  it("keeps the real server's files to web-dist", async () => {
    const port = Number(base.port);
    for (const path of [
      "/../package.json",
      "/..%2f..%2fpackage.json",
      "/%2e%2e/%2e%2e/package.json",
      "/package.json",
    ]) {
      const r = await get(port, path);
      expect(r.status, path).toBeLessThan(500);
      expect(r.body, path).not.toMatch(/"devDependencies"/);
    }
  });
});
