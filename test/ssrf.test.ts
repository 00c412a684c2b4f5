// SSRF defence: every way of pointing a fetch at loopback, private, link-local, multicast or cloud-metadata
// addresses is refused (literal forms, names, DNS answers, rebinding, redirects); size, time and redirect
// limits hold; the refusal reaches the CLI and POST /api/analyze; --allow-private / ORBAT_ALLOW_PRIVATE=1 let
// a local server through.
//
// The servers here run on loopback, which the policy refuses. Two honest ways through, never a mock:
// - `trustedEndpoints: ["127.0.0.1:<front port>"]` lets exactly one server stand in for a public host, so a
//   refusal of the *next* hop (another port, another address) is the policy's doing, not the first hop's;
// - an injected resolver plays DNS for made-up names under .example (which real DNS never answers).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes, OrbatError } from "../src/core/errors.js";
import { checkTarget, type FetchOptions, fetchText, postJson } from "../src/ingest/fetch.js";
import { createApp } from "../src/server/app.js";
import { Store } from "../src/store/store.js";
import { kb } from "./helpers.js";

const ROOT = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "orbat-ssrf-"));
const SENTENCE = "Russia deployed S-400 systems to Kaliningrad on Monday, the defence ministry said.";
const ARTICLE = `<!doctype html><html><head><title>Deployment</title><meta property="article:published_time" content="2025-03-11"></head><body><article><p>${SENTENCE}</p></article></body></html>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>R1</title><link>https://news.example/1</link><guid>r-1</guid><pubDate>Tue, 11 Mar 2025 10:00:00 GMT</pubDate><description>${SENTENCE}</description></item></channel></rss>`;

/** The outcome of a promise that should fail: its OrbatError. */
async function refusal(p: Promise<unknown>): Promise<OrbatError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof OrbatError)) throw new Error(`expected an OrbatError, got ${String(e)}`);
  return e;
}

/** Runs with ORBAT_ALLOW_PRIVATE set to `value` (as `--allow-private` would), then restores it. */
async function withAllowPrivateEnv(value: string, run: () => Promise<void>): Promise<void> {
  const before = process.env.ORBAT_ALLOW_PRIVATE;
  process.env.ORBAT_ALLOW_PRIVATE = value;
  try {
    await run();
  } finally {
    if (before === undefined) delete process.env.ORBAT_ALLOW_PRIVATE;
    else process.env.ORBAT_ALLOW_PRIVATE = before;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The address policy, table-driven. Literals must be decided without asking DNS.

const noDns = async (host: string): Promise<string[]> => {
  throw new Error(`the resolver was asked about ${host}`);
};
const fakeDns: Record<string, string[]> = {
  "evil.example": ["10.0.0.5"],
  "evil6.example": ["fd12:3456::1"],
  "loop6.example": ["::1"],
  "mixed.example": ["93.184.215.14", "192.168.0.7"],
  "mapped.example": ["::ffff:169.254.169.254"],
  "news.example": ["93.184.215.14"],
};
const dns = async (host: string) => fakeDns[host] ?? [];

const literals: Array<[url: string, why: RegExp]> = [
  ["http://127.0.0.1/", /127\.0\.0\.1 is a loopback address/],
  ["http://127.1/", /loopback/],
  ["http://2130706433/", /loopback/],
  ["http://0177.0.0.1/", /loopback/],
  ["http://017700000001/", /loopback/],
  ["http://0x7f000001/", /loopback/],
  ["http://0x7f.1/", /loopback/],
  ["http://１２７.０.０.１/", /loopback/],
  ["http://127.0.0.1:9/x", /loopback/],
  ["http://[::1]/", /loopback/],
  ["http://[::ffff:127.0.0.1]/", /127\.0\.0\.1 is a loopback/],
  ["http://[::ffff:7f00:1]/", /127\.0\.0\.1 is a loopback/],
  ["http://[0:0:0:0:0:ffff:7f00:1]/", /127\.0\.0\.1 is a loopback/],
  ["http://[::127.0.0.1]/", /IPv4-compatible/],
  ["http://10.0.0.1/", /10\.0\.0\.1 is a private address/],
  ["http://012.0.0.1/", /10\.0\.0\.1 is a private/],
  ["http://172.16.5.4/", /private/],
  ["http://172.31.255.255/", /private/],
  ["http://192.168.1.1/", /private/],
  ["http://[::ffff:192.168.1.1]/", /private/],
  ["http://169.254.169.254/latest/meta-data/", /cloud metadata/],
  ["http://[::ffff:a9fe:a9fe]/", /169\.254\.169\.254 is a cloud metadata/],
  ["http://169.254.170.2/v2/credentials", /cloud metadata/],
  ["http://100.100.100.200/", /cloud metadata/],
  ["http://169.254.1.1/", /link-local/],
  ["http://100.64.0.1/", /carrier-grade NAT/],
  ["http://0.0.0.0/", /unspecified/],
  ["http://0/", /unspecified/],
  ["http://[::]/", /unspecified/],
  ["http://[fe80::1]/", /link-local/],
  ["http://[fc00::1]/", /unique-local/],
  ["http://[fd00:ec2::254]/", /cloud metadata/],
  ["http://224.0.0.1/", /multicast/],
  ["http://[ff02::1]/", /multicast/],
  ["http://255.255.255.255/", /broadcast/],
  ["http://240.0.0.1/", /reserved/],
  ["http://192.0.0.192/", /reserved/],
  ["http://198.18.0.1/", /reserved/],
  ["http://[64:ff9b::a00:1]/", /NAT64/],
  ["http://[2002:7f00:1::]/", /6to4/],
  ["http://[2001::1]/", /Teredo|reserved/],
];
const names: Array<[url: string, why: RegExp]> = [
  ["http://localhost/", /localhost is a loopback name/],
  ["http://LOCALHOST./", /loopback name/],
  ["http://api.localhost:8080/", /loopback name/],
  ["http://metadata.google.internal/computeMetadata/v1/", /cloud metadata name/],
  ["http://metadata.goog/", /cloud metadata name/],
  ["http://instance-data/latest/", /cloud metadata name/],
  ["http://evil.example/", /evil\.example resolves to 10\.0\.0\.5, a private address/],
  ["http://evil6.example/", /resolves to fd12:3456::1, a unique-local/],
  ["http://loop6.example/", /resolves to ::1, a loopback/],
  ["http://mixed.example/", /resolves to 192\.168\.0\.7, a private/],
  ["http://mapped.example/", /resolves to 169\.254\.169\.254, a cloud metadata/],
];
const schemes = [
  "file:///etc/passwd",
  "ftp://ftp.example/x",
  "data:text/plain,hello",
  "gopher://gopher.example:70/",
  "javascript:alert(1)",
  "ws://news.example/",
];

describe("address policy", () => {
  it.each(literals)("refuses %s without asking DNS", async (url, why) => {
    const e = await refusal(checkTarget(url, { allowPrivate: false, resolve: noDns }));
    expect(e.code).toBe(ErrorCodes.FETCH_BLOCKED);
    expect(e.message).toMatch(why);
    expect(e.message).toMatch(/^refusing to fetch /);
  });

  it.each(names)("refuses %s by name or by every resolved address", async (url, why) => {
    const e = await refusal(checkTarget(url, { allowPrivate: false, resolve: dns }));
    expect(e.code).toBe(ErrorCodes.FETCH_BLOCKED);
    expect(e.message).toMatch(why);
  });

  it.each(schemes)("refuses the scheme of %s", async (url) => {
    const e = await refusal(checkTarget(url, { allowPrivate: true, resolve: noDns }));
    expect(e.code).toBe(ErrorCodes.FETCH_BLOCKED);
    expect(e.message).toMatch(/only http and https URLs are fetched/);
  });

  it("lets public addresses through and returns the address to connect to", async () => {
    expect(await checkTarget("http://93.184.215.14/", { allowPrivate: false, resolve: noDns })).toMatchObject(
      {
        address: "93.184.215.14",
        family: 4,
      },
    );
    expect(
      await checkTarget("https://news.example/feed", { allowPrivate: false, resolve: dns }),
    ).toMatchObject({ address: "93.184.215.14", family: 4 });
    expect(
      (await checkTarget("http://[2606:4700::1111]/", { allowPrivate: false, resolve: noDns })).family,
    ).toBe(6);
  });

  it("with private addresses allowed, still refuses cloud metadata", async () => {
    const allow: FetchOptions = { allowPrivate: true, resolve: dns };
    expect((await checkTarget("http://10.0.0.1/", allow)).address).toBe("10.0.0.1");
    expect((await checkTarget("http://evil.example/", allow)).address).toBe("10.0.0.5");
    for (const url of [
      "http://169.254.169.254/",
      "http://[fd00:ec2::254]/",
      "http://metadata.google.internal/",
    ])
      expect((await refusal(checkTarget(url, allow))).message).toMatch(/cloud metadata/);
  });

  it("reads ORBAT_ALLOW_PRIVATE=1 when no option is given, and points to the flag when refusing", async () => {
    await withAllowPrivateEnv("", async () => {
      expect((await refusal(checkTarget("http://10.0.0.1/"))).hint).toMatch(/--allow-private/);
    });
    await withAllowPrivateEnv("1", async () => {
      expect((await checkTarget("http://10.0.0.1/")).address).toBe("10.0.0.1");
    });
  });

  it("reports names that do not resolve and URLs that do not parse", async () => {
    expect((await refusal(checkTarget("http://nowhere.example/", { resolve: dns }))).code).toBe(
      ErrorCodes.FETCH,
    );
    expect((await refusal(checkTarget("not a url"))).message).toMatch(/not a valid URL/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Real connections: a "front" server (trusted for its exact address:port) and a "secret" one that must
// never be reached.

let front: Server;
let secret: Server;
let F = 0;
let S = 0;
let secretHits = 0;
let chainHits = 0;
let bigClosed = false;
const hosts: string[] = [];

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? "/";
  hosts.push(req.headers.host ?? "");
  const redirect = (to: string, status = 302) => res.writeHead(status, { Location: to }).end();
  if (path === "/ok") res.end(`ok host=${req.headers.host}`);
  else if (path === "/article.html") res.writeHead(200, { "Content-Type": "text/html" }).end(ARTICLE);
  else if (path === "/feed.xml") res.writeHead(200, { "Content-Type": "application/rss+xml" }).end(FEED);
  else if (path === "/hook") res.writeHead(204).end();
  else if (path === "/to-secret") redirect(`http://127.0.0.1:${S}/secret`);
  else if (path === "/to-secret-by-name") redirect(`http://secret.example:${S}/secret`);
  else if (path === "/to-evil") redirect("http://evil.example/", 307);
  else if (path === "/to-metadata") redirect("http://169.254.169.254/latest/meta-data/", 301);
  else if (path === "/to-decimal") redirect(`http://2130706433:${S}/secret`);
  else if (path === "/to-file") redirect("file:///etc/passwd");
  else if (path.startsWith("/chain/")) {
    chainHits++;
    const n = Number(path.slice("/chain/".length));
    if (n > 0) redirect(`/chain/${n - 1}`);
    else res.end("end of chain");
  } else if (path === "/big") {
    // streams for ever; only the client giving up stops it
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.on("close", () => (bigClosed = true));
    const chunk = Buffer.alloc(256 * 1024, "a");
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  } else if (path === "/big-declared") {
    res.writeHead(200, { "Content-Length": String(100 * 1024 * 1024) });
    res.write("a");
  } else if (path === "/trickle") {
    res.writeHead(200, { "Content-Type": "text/plain" });
    const t = setInterval(() => res.write("a"), 100);
    res.on("close", () => clearInterval(t));
  } else if (path === "/hang") {
    // never answers
  } else res.writeHead(404).end();
}

const listen = async (s: Server) => {
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  return (s.address() as { port: number }).port;
};

beforeAll(async () => {
  front = createServer(route);
  secret = createServer((_req, res) => {
    secretHits++;
    res.end("the secret");
  });
  F = await listen(front);
  S = await listen(secret);
});
afterAll(() => {
  for (const s of [front, secret]) {
    s?.closeAllConnections();
    s?.close();
  }
});

/** Options for a test where only the front server counts as public and "public.example" names it. */
const viaFront = (extra: FetchOptions = {}): FetchOptions => ({
  allowPrivate: false,
  trustedEndpoints: [`127.0.0.1:${F}`],
  resolve: async (h) =>
    h === "public.example" ? ["127.0.0.1"] : h === "secret.example" ? ["127.0.0.1"] : dns(h),
  ...extra,
});

describe("fetching through the policy", () => {
  it("fetches the trusted front server, and nothing else on loopback", async () => {
    expect((await fetchText(`http://127.0.0.1:${F}/ok`, viaFront())).content).toMatch(/^ok /);
    const e = await refusal(fetchText(`http://127.0.0.1:${S}/secret`, viaFront()));
    expect(e.code).toBe(ErrorCodes.FETCH_BLOCKED);
    expect(secretHits).toBe(0);
  });

  it.each([
    ["/to-secret", /127\.0\.0\.1 is a loopback address/],
    ["/to-secret-by-name", /secret\.example resolves to 127\.0\.0\.1, a loopback/],
    ["/to-decimal", /127\.0\.0\.1 is a loopback/],
    ["/to-evil", /evil\.example resolves to 10\.0\.0\.5, a private/],
    ["/to-metadata", /169\.254\.169\.254 is a cloud metadata/],
    ["/to-file", /only http and https/],
  ])("refuses the redirect of %s", async (path, why) => {
    const e = await refusal(fetchText(`http://public.example:${F}${path}`, viaFront()));
    expect(e.code).toBe(ErrorCodes.FETCH_BLOCKED);
    expect(e.message).toMatch(why);
    expect(secretHits).toBe(0);
  });

  it("follows at most 5 redirects", async () => {
    expect((await fetchText(`http://127.0.0.1:${F}/chain/5`, viaFront())).content).toBe("end of chain");
    chainHits = 0;
    const e = await refusal(fetchText(`http://127.0.0.1:${F}/chain/6`, viaFront()));
    expect(e.code).toBe(ErrorCodes.FETCH);
    expect(e.message).toMatch(/too many redirects .*more than 5/);
    expect(chainHits).toBe(6);
  });

  it("connects to the address it checked: a rebinding DNS answer is never asked for, let alone used", async () => {
    let lookups = 0;
    // first answer: the trusted server (standing in for a public address); any later answer: private
    const rebinding = async () => (lookups++ === 0 ? ["127.0.0.1"] : ["10.0.0.5"]);
    const r = await fetchText(`http://rebind.example:${F}/ok`, viaFront({ resolve: rebinding }));
    // rebind.example exists in no real DNS, so only the pinned address can have been dialled
    expect(r.content).toBe(`ok host=rebind.example:${F}`);
    expect(lookups).toBe(1);
    // a second fetch asks DNS again, gets the private answer, and is refused before connecting
    const e = await refusal(fetchText(`http://rebind.example:${F}/ok`, viaFront({ resolve: rebinding })));
    expect(e.message).toMatch(/resolves to 10\.0\.0\.5, a private address/);
  });

  it("stops reading past the size cap (20 MB by default) and drops the connection", async () => {
    const t0 = Date.now();
    const e = await refusal(fetchText(`http://127.0.0.1:${F}/big`, viaFront()));
    expect(e.code).toBe(ErrorCodes.FETCH_TOO_LARGE);
    expect(e.message).toMatch(/larger than 20 MB/);
    expect(Date.now() - t0).toBeLessThan(15_000);
    await expect.poll(() => bigClosed, { timeout: 5000 }).toBe(true);
    const declared = await refusal(
      fetchText(`http://127.0.0.1:${F}/big-declared`, viaFront({ maxBytes: 1024 * 1024 })),
    );
    expect(declared.code).toBe(ErrorCodes.FETCH_TOO_LARGE);
    expect(declared.message).toMatch(/larger than 1 MB/);
  });

  it("gives up on a server that never answers, or answers for ever, within the time bound", async () => {
    const timed = async (path: string, o: FetchOptions) => {
      const t0 = Date.now();
      const e = await refusal(fetchText(`http://127.0.0.1:${F}${path}`, viaFront(o)));
      return { e, ms: Date.now() - t0 };
    };
    const total = await timed("/hang", { timeoutMs: 1000 });
    expect(total.e.code).toBe(ErrorCodes.FETCH_TIMEOUT);
    expect(total.e.message).toMatch(/took longer than 1 s/);
    expect(total.ms).toBeLessThan(5000);
    const headers = await timed("/hang", { headersTimeoutMs: 500 });
    expect(headers.e.code).toBe(ErrorCodes.FETCH_TIMEOUT);
    expect(headers.e.message).toMatch(/sent no response within 0\.5 s/);
    expect(headers.ms).toBeLessThan(5000);
    const trickle = await timed("/trickle", { timeoutMs: 1000 });
    expect(trickle.e.code).toBe(ErrorCodes.FETCH_TIMEOUT);
    expect(trickle.ms).toBeLessThan(5000);
  });

  it("checks webhook targets too, and does not follow their redirects", async () => {
    expect(await postJson(`http://127.0.0.1:${F}/hook`, { a: 1 }, viaFront())).toBe(204);
    expect((await refusal(postJson(`http://127.0.0.1:${S}/hook`, { a: 1 }, viaFront()))).code).toBe(
      ErrorCodes.FETCH_BLOCKED,
    );
    expect((await refusal(postJson(`http://127.0.0.1:${F}/to-secret`, {}, viaFront()))).message).toMatch(
      /HTTP 302/,
    );
    expect((await refusal(postJson("http://169.254.169.254/", {}, { allowPrivate: true }))).code).toBe(
      ErrorCodes.FETCH_BLOCKED,
    );
    expect(secretHits).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Through the CLI (real child processes) and the API (the real app on a real SQLite store).

// The servers run in this process, so the CLI must run asynchronously (spawnSync would block them).
const orbat = (args: string[], allowPrivateEnv = "") =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [join(ROOT, "bin/orbat.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", ORBAT_ALLOW_PRIVATE: allowPrivateEnv },
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });

describe("CLI", () => {
  it("refuses private targets with exit 2 and the blocked code; --allow-private and the setting allow them", async () => {
    const article = `http://127.0.0.1:${F}/article.html`;
    const [refused, metadata, flag, env, ingest, watch] = await Promise.all([
      orbat(["analyze", "http://127.0.0.1:9/"]),
      orbat(["analyze", "--allow-private", "http://169.254.169.254/latest/meta-data/"]),
      orbat(["analyze", "--allow-private", "--json", article]),
      orbat(["analyze", "--json", article], "1"),
      orbat(["ingest", "--allow-private", "--json", "--db", join(dir, "ingest.db"), article]),
      orbat([
        "watch",
        "--allow-private",
        `http://127.0.0.1:${F}/feed.xml`,
        "--db",
        join(dir, "watch.db"),
        "--once",
        "--interval",
        "10",
        "--json",
      ]),
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /ORBAT_E_FETCH_BLOCKED: refusing to fetch http:\/\/127\.0\.0\.1:9\/: 127\.0\.0\.1 is a loopback address \(pass --allow-private/,
    );
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(metadata.status).toBe(2);
    expect(metadata.stderr).toMatch(/ORBAT_E_FETCH_BLOCKED: .*cloud metadata/);
    for (const r of [flag, env]) {
      expect(r.status, r.stderr).toBe(0);
      const a = JSON.parse(r.stdout);
      expect(a.document.url).toBe(article);
      expect(a.events[0].type).toBe("deployment");
    }
    expect(ingest.status, ingest.stderr).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ stored: 1, errors: 0 });
    expect(watch.status, watch.stderr).toBe(0);
    expect(JSON.parse(watch.stdout).feeds[0]).toMatchObject({ status: "new", stored: 1 });
  }, 60_000);
});

describe("POST /api/analyze with a URL", () => {
  const TOKEN = "ssrf-test-token-0123456789";
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await Store.open(join(dir, "api.db"));
    app = createApp({ store, kb, token: TOKEN });
  });
  afterAll(async () => store?.close());
  const post = (body: unknown, token?: string) =>
    app.request("/api/analyze", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });

  it("needs the token to fetch, and refuses private and metadata targets with a JSON error", async () => {
    await withAllowPrivateEnv("", async () => {
      const metadata = { url: "http://169.254.169.254/latest/meta-data/" };
      for (const token of [undefined, "wrong-token"]) {
        const r = await post(metadata, token);
        expect(r.status).toBe(401);
        expect((await r.json()).error.message).toMatch(/token/);
      }
      const hits = hosts.length;
      for (const url of [
        metadata.url,
        `http://127.0.0.1:${F}/article.html`,
        `http://0x7f.1:${F}/article.html`,
        `http://[::ffff:127.0.0.1]:${F}/article.html`,
        "http://metadata.google.internal/",
        "file:///etc/passwd",
      ]) {
        const r = await post({ url }, TOKEN);
        expect(r.status, url).toBe(400);
        expect((await r.json()).error.code, url).toBe(ErrorCodes.FETCH_BLOCKED);
      }
      expect(hosts.length).toBe(hits);
      expect((await post({}, TOKEN)).status).toBe(400);
      // pasted text still needs no token
      expect((await post({ text: SENTENCE })).status).toBe(200);
    });
  });

  it("fetches and analyses the URL when the server allows private targets", async () => {
    await withAllowPrivateEnv("1", async () => {
      const url = `http://127.0.0.1:${F}/article.html`;
      const r = await post({ url, store: true }, TOKEN);
      expect(r.status).toBe(200);
      const a = await r.json();
      expect(a.document).toMatchObject({ url, title: "Deployment" });
      expect(a.events[0].type).toBe("deployment");
      expect((await store.stats()).documents).toBe(1);
      const meta = await post({ url: "http://169.254.169.254/latest/meta-data/" }, TOKEN);
      expect((await meta.json()).error.code).toBe(ErrorCodes.FETCH_BLOCKED);
    });
  });
});
