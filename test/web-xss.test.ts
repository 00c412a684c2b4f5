// Hostile article content in the web app, in real Chromium: articles whose titles, texts, outlet names and
// URLs carry script tags, event handlers, javascript: links, SVG, iframe, MathML/style and template payloads,
// and knowledge-base entries (an outlet, a base) whose names carry markup, are analysed and stored in a real
// SQLite store, then every view is opened. Nothing may run, no element may come from the
// data, and the payloads must show as text. The walk runs twice: with the CSP switched off in the browser (the
// app's own rendering must hold without it) and with the CSP on (our own code must cause no violation).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRaw } from "../src/analyze.js";
import { startServer } from "../src/cli/serve-command.js";
import { loadKb } from "../src/kb/load.js";
import { Store } from "../src/store/store.js";
import { chromiumAvailable, launchChromium } from "./browser.js";

/** Each payload sets window.__xss (or opens a dialog) if it ever runs. */
const PAYLOADS = {
  script: "<script>window.__xss=1</script>",
  img: '<img src=x onerror="window.__xss=2">',
  svg: '<svg onload="window.__xss=3"><circle r=9 /></svg>',
  link: '<a href="javascript:window.__xss=4">click</a>',
  template: "{{constructor.constructor('window.__xss=5')()}}",
  iframe: '"><iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
  mathml: '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=7">',
  style:
    '<style>@import "javascript:window.__xss=8";</style><div style="background:url(javascript:window.__xss=8)">',
  details: '<details open ontoggle="window.__xss=9">',
  textarea: "</textarea><script>window.__xss=10</script>",
  comment: '<!--<img src="--><img src=x onerror=alert(11)//">',
  dialog: "<img src=x onerror=alert(12)>",
} as const;
const ALL = Object.values(PAYLOADS).join(" ");

/** Knowledge-base entries with markup in their names: they become entities, places and sources. */
const KB_OUTLET = '<img src=x onerror="window.__xss=14">Xss Gazette';
const KB_BASE = '<svg onload="window.__xss=15">Fort Xss';
const KB_FILES = {
  "actors/hostile.yaml": `- {id: xss-gazette, name: '${KB_OUTLET}', aliases: [Xss Gazette], type: outlet, country: RU}\n`,
  "gazetteer/sites/hostile.yaml": `- {id: fort-xss, name: '${KB_BASE}', aliases: [Fort Xss], type: army-base, country: RU, lat: 54.9, lon: 21.5}\n`,
};

/** Three articles: events on the map (Fort Xss, Bandar Abbas, Kaliningrad), a finding, payloads everywhere. */
const ARTICLES = [
  {
    id: "xss-kaliningrad",
    title: `${PAYLOADS.script}${PAYLOADS.img}${PAYLOADS.link} Fort Xss`,
    source: `${PAYLOADS.img}Evil Outlet`,
    url: "javascript:window.__xss=13",
    publishedAt: "2025-03-10",
    text: `Russia deployed S-400 systems to Fort Xss on Monday, ${PAYLOADS.script} the Xss Gazette reported. ${PAYLOADS.img} ${PAYLOADS.link} ${PAYLOADS.template} Troops also arrived near Xssgrad, officials said. ${PAYLOADS.dialog}`,
  },
  {
    id: "xss-bandar-abbas",
    title: `${PAYLOADS.svg}${PAYLOADS.iframe}${PAYLOADS.template}`,
    source: `${PAYLOADS.svg}${PAYLOADS.details}`,
    publishedAt: "2025-04-02",
    text: `Iran tested a Fateh-110 missile near Bandar Abbas on Tuesday, state media said. ${PAYLOADS.svg} ${PAYLOADS.iframe} ${PAYLOADS.mathml} ${PAYLOADS.style} ${PAYLOADS.details} ${PAYLOADS.comment}`,
  },
  {
    id: "xss-undated",
    title: `${PAYLOADS.mathml}${PAYLOADS.textarea}`,
    source: `${PAYLOADS.comment}`,
    publishedAt: null,
    text: `Russia deployed Iskander missiles to Kaliningrad, ${PAYLOADS.textarea} the Baltic Fleet said. ${ALL}`,
  },
];

/** Elements that data could have smuggled in; the app itself never makes any of them. */
const FOREIGN = "script, img, iframe, object, embed, math, style, details, a, foreignObject";
const DATA_VIEWS = [
  "[data-testid=event-list]",
  "[data-testid=document-view]",
  "[data-testid=entity-view]",
  "[data-testid=source-graph]",
  "#findings",
  "[data-testid=timeline]",
];

/** The few MapLibre calls the test makes on the app's map (window.__orbatMap). */
interface MapHandle {
  jumpTo(o: { center: [number, number]; zoom: number }): void;
  queryRenderedFeatures(o: { layers: string[] }): Array<{ geometry: { coordinates: [number, number] } }>;
  project(c: [number, number]): { x: number; y: number };
}

let server: { url: string; close(): Promise<void> };
let browser: Browser | undefined;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "orbat-xss-"));
  for (const [file, yaml] of Object.entries(KB_FILES)) {
    mkdirSync(join(dir, "kb", file, ".."), { recursive: true });
    writeFileSync(join(dir, "kb", file), yaml);
  }
  const kb = loadKb({ extraDirs: [join(dir, "kb")] });
  const db = join(dir, "xss.db");
  const store = await Store.open(db);
  await store.ingestMany(ARTICLES.map((a) => analyzeRaw({ ...a, format: "text" }, kb)));
  await store.close();
  server = await startServer({ db, port: 0, host: "127.0.0.1" }, kb);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watch {
  dialogs: string[];
  errors: string[];
  cspConsole: string[];
}

/** A fresh page that records dialogs, page errors, console CSP reports and securitypolicyviolation events. */
async function openPage(context: BrowserContext): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage();
  const watch: Watch = { dialogs: [], errors: [], cspConsole: [] };
  page.on("dialog", (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => watch.errors.push(e.message));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) watch.cspConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return { page, watch };
}

/** Nothing ran, nothing was blocked by the CSP, no element came from data, no dialog. */
async function expectInert(page: Page, watch: Watch): Promise<void> {
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp: string[] };
    return { xss: w.__xss, csp: w.__csp };
  });
  expect(seen.xss).toBeUndefined();
  expect(seen.csp).toEqual([]);
  expect(watch.cspConsole).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  for (const view of DATA_VIEWS)
    expect(await page.locator(`${view} :is(${FOREIGN})`).count(), `${view} holds foreign elements`).toBe(0);
}

const textOf = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? "";

/** Every view: overview, map click, timeline brush, list, document (hover), entity page, sources, findings, analyse box. */
async function walkViews(page: Page, watch: Watch): Promise<void> {
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });
  await page.waitForSelector("body[data-map-events]", { timeout: 30_000 });
  expect(Number(await page.getAttribute("body", "data-map-events"))).toBeGreaterThanOrEqual(2);
  // Event list: titles are data, shown as text.
  const listText = await textOf(page, "[data-testid=event-list]");
  expect(listText).toContain(PAYLOADS.script);
  expect(listText).toContain(PAYLOADS.svg);
  expect(listText).toContain(`at ${KB_BASE}`);
  await expectInert(page, watch);

  // Map: zoom in past the clusters near Bandar Abbas and click the event's point: its document opens.
  await page.evaluate(() =>
    (window as unknown as { __orbatMap: MapHandle }).__orbatMap.jumpTo({ center: [56.3, 27.2], zoom: 8 }),
  );
  const point = await page.waitForFunction(() => {
    const map = (window as unknown as { __orbatMap: MapHandle }).__orbatMap;
    const f = map.queryRenderedFeatures({ layers: ["points"] })[0];
    return f ? map.project(f.geometry.coordinates) : undefined;
  });
  const at = (await point.jsonValue()) as { x: number; y: number };
  const box = (await page.locator("[data-testid=map] canvas").boundingBox())!;
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await page.waitForFunction(() => /Fateh-110/.test(document.querySelector("#document")?.textContent ?? ""));
  expect(await page.locator("[data-testid=document-view] h2").textContent()).toBe(ARTICLES[1]!.title);
  await expectInert(page, watch);

  // Timeline: brush the whole axis (the list re-renders from the filtered query).
  const tl = (await page.locator("[data-testid=timeline] svg").boundingBox())!;
  await page.mouse.move(tl.x + 2, tl.y + tl.height / 2);
  await page.mouse.down();
  await page.mouse.move(tl.x + tl.width - 2, tl.y + tl.height / 2);
  await page.mouse.up();
  await page.waitForFunction(() => /since=/.test(location.hash));
  await page.click("#clear");

  // Document reader from the list: highlights with hover titles, the attribution graph, findings.
  await page.locator("[data-testid=event-list] .event", { hasText: "S-400" }).first().click();
  await page.waitForSelector("[data-testid=document-view] mark");
  const doc = ARTICLES[0]!;
  expect(await page.locator("[data-testid=document-view] h2").textContent()).toBe(doc.title);
  const body = await page.locator("[data-testid=document-view] .text").textContent();
  expect(body).toBe(doc.text);
  for (const mark of await page.locator("[data-testid=document-view] mark").all()) await mark.hover();
  await page.locator("[data-testid=document-view] .finding-span").first().hover();
  expect(
    await page.locator("[data-testid=document-view] mark", { hasText: "Fort Xss" }).getAttribute("title"),
  ).toContain(KB_BASE);
  expect(await textOf(page, "[data-testid=source-graph]")).toContain(KB_OUTLET);
  expect(await page.locator("[data-testid=source-graph] svg title").allTextContents()).toContain(
    `${doc.source} (article)`,
  );
  expect(await textOf(page, "#findings")).toMatch(/Xssgrad/);
  // The javascript: link is text, not a link: clicking it does nothing.
  const before = page.url();
  await page.getByText("click</a>").first().click();
  expect(page.url()).toBe(before);
  await expectInert(page, watch);

  // Entity page from a highlighted mention: the base's name (with its markup) listed as text.
  await page.locator("[data-testid=document-view] mark[data-kb]", { hasText: "Fort Xss" }).first().click();
  await page.waitForSelector("[data-testid=entity-view] .event");
  expect(await textOf(page, "[data-testid=entity-view]")).toContain(`at ${KB_BASE}`);
  await expectInert(page, watch);

  // A shared link whose fragment carries payloads: filters and document id are data too.
  await page.goto(
    `${server.url}#text=${encodeURIComponent(PAYLOADS.img)}&doc=${encodeURIComponent(PAYLOADS.script)}`,
  );
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  expect(await page.inputValue("input[name=text]")).toBe(PAYLOADS.img);
  await page.waitForFunction(() =>
    /Could not open/.test(document.querySelector("#document")?.textContent ?? ""),
  );
  // Submitting the filter form with the payload as search text: a query, not markup.
  const searched = page.waitForResponse((r) => /\/api\/events\?.*text=/.test(r.url()));
  await page.press("input[name=text]", "Enter");
  expect((await searched).status()).toBe(200);
  // The articles hold that payload as words, so the search finds them.
  await page.waitForFunction(() => Number(document.querySelector("#events")?.getAttribute("data-count")) > 0);
  await expectInert(page, watch);
  await page.click("#clear");

  // Paste and analyse: the pasted payloads come back highlighted, as text.
  const pasted = `Iran tested a Fateh-110 missile near Bandar Abbas on Monday, state media said. ${ALL}`;
  await page.fill("[data-testid=analyze-input]", pasted);
  await page.fill("#analyze-date", "2024-03-05");
  await page.click("#analyze-button");
  await page.waitForFunction(() =>
    /Fateh-110/.test(document.querySelector("#document .text")?.textContent ?? ""),
  );
  expect(await page.locator("[data-testid=document-view] .text").textContent()).toBe(pasted);
  expect(await page.locator("[data-testid=document-view] mark.kind-equipment").count()).toBeGreaterThan(0);
  await expectInert(page, watch);
  expect(watch.errors).toEqual([]);
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)("hostile article content in Chromium", () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  it("renders every payload as text with the CSP switched off in the browser", async () => {
    const context = await browser!.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 } });
    const { page, watch } = await openPage(context);
    await walkViews(page, watch);
    await context.close();
  }, 90_000);

  it("runs with the CSP on and causes no violation", async () => {
    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, watch } = await openPage(context);
    await walkViews(page, watch);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(watch.cspConsole).toEqual([]);
    await context.close();
  }, 90_000);
});
