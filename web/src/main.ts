// orbat web app: filters in the URL, map, timeline, event list, document reader, sources, analyse box.
import "./style.css";
import { type Analysis, api, type EventRow } from "./api";
import { renderDocument, renderFindings, renderSources } from "./document-view";
import { createMap, TYPE_COLOURS } from "./map";
import { renderTimeline } from "./timeline";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const FILTERS = ["text", "type", "country", "since", "until"] as const;

function stateFromUrl(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ""));
}

function writeUrl(q: URLSearchParams): void {
  history.replaceState(null, "", `#${q}`);
}

const map = createMap($("map"));
const form = $("filters") as HTMLFormElement;
const list = $("events");
const types = $("event-types");
for (const t of Object.keys(TYPE_COLOURS)) {
  const o = document.createElement("option");
  o.value = t;
  types.append(o);
}

function filterQuery(): URLSearchParams {
  const q = new URLSearchParams({ limit: "20000", compact: "1" });
  for (const f of FILTERS) {
    const v = (form.elements.namedItem(f) as HTMLInputElement).value.trim();
    if (v) q.set(f, v);
  }
  return q;
}

async function refresh(): Promise<void> {
  const q = filterQuery();
  const state = stateFromUrl();
  for (const f of FILTERS) {
    if (q.get(f)) state.set(f, q.get(f)!);
    else state.delete(f);
  }
  writeUrl(state);
  for (const fmt of ["geojson", "csv", "stix"])
    ($(`export-${fmt}`) as HTMLAnchorElement).href = `/api/export?format=${fmt}&${q}`;
  const rows = await api.events(q);
  map.show(rows);
  renderTimeline($("timeline"), rows, (since, until) => {
    (form.elements.namedItem("since") as HTMLInputElement).value = since;
    (form.elements.namedItem("until") as HTMLInputElement).value = until;
    void refresh();
  });
  renderList(rows);
}

function renderList(rows: EventRow[]): void {
  list.replaceChildren();
  list.dataset.count = String(rows.length);
  for (const r of rows.slice(0, 500)) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "event";
    b.setAttribute("role", "listitem");
    b.dataset.doc = r.docId;
    const title = document.createElement("div");
    title.textContent = `${r.type} (CAMEO ${r.cameo.code}) ${r.places[0] ? `at ${r.places[0]}` : ""} ${r.time.start ?? r.document.publishedAt ?? ""}`;
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = `${r.factuality}, confidence ${r.confidence}, ${r.corroboration} independent report${r.corroboration === 1 ? "" : "s"}${r.origin?.startsWith("relay:") ? ` (this one relays ${r.origin.slice(6).replace(/,/g, ", ")})` : ""} | ${r.actors.join(", ") || "-"} | ${r.equipment.join(", ") || "-"} | ${r.document.title ?? ""}`;
    b.append(title, meta);
    b.addEventListener("click", () => void openDocument(r.docId, r.eventId));
    list.append(b);
  }
  if (rows.length === 0) list.textContent = "No events match.";
}

function showAnalysis(a: Analysis, eventId?: string): void {
  renderDocument($("document"), a, eventId);
  renderSources($("sources"), a);
  renderFindings($("findings"), a);
}

async function openDocument(docId: string, eventId?: string): Promise<void> {
  const state = stateFromUrl();
  state.set("doc", docId);
  if (eventId) state.set("event", eventId);
  writeUrl(state);
  try {
    showAnalysis(await api.document(docId), eventId);
  } catch (e) {
    // A shared link may name a document this store does not have.
    $("document").textContent = `Could not open the document: ${(e as Error).message}`;
  }
}

map.onSelect((r) => void openDocument(r.docId, r.eventId));

/** Entity page: where and when a system, place or actor was reported, and by whom. */
async function openEntity(kbId: string, name: string): Promise<void> {
  const box = $("entity");
  let rows: EventRow[];
  try {
    rows = await api.entityEvents(kbId);
  } catch (e) {
    box.textContent = `Could not open ${name}: ${(e as Error).message}`;
    return;
  }
  box.replaceChildren();
  const h = document.createElement("h3");
  h.textContent = `${name}: ${rows.length} events`;
  box.append(h);
  for (const r of rows) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "event";
    b.textContent = `${r.time.start ?? r.document.publishedAt ?? "undated"} ${r.type} ${r.places[0] ? `at ${r.places[0]}` : ""} | ${r.sources.map((s) => s.name).join(" <- ")}`;
    b.addEventListener("click", () => void openDocument(r.docId, r.eventId));
    box.append(b);
  }
}

$("document").addEventListener("click", (e) => {
  const m = (e.target as HTMLElement).closest("mark[data-kb]") as HTMLElement | null;
  if (m?.dataset.kb) void openEntity(m.dataset.kb, m.textContent ?? m.dataset.kb);
});
$("document").addEventListener("keydown", (e) => {
  const m = (e.target as HTMLElement).closest("mark[data-kb]") as HTMLElement | null;
  if (m?.dataset.kb && (e.key === "Enter" || e.key === " "))
    void openEntity(m.dataset.kb, m.textContent ?? m.dataset.kb);
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  void refresh();
});
$("clear").addEventListener("click", () => {
  form.reset();
  void refresh();
});
// An uploaded file is read here and sent as JSON (text, or html for a saved page): the server takes JSON only.
$("analyze-file").addEventListener("change", async () => {
  const file = ($("analyze-file") as HTMLInputElement).files?.[0];
  if (!file) return;
  const date = ($("analyze-date") as HTMLInputElement).value;
  const content = await file.text();
  const isHtml = /\.html?$/i.test(file.name) || /^\s*<(?:!doctype|html)/i.test(content);
  try {
    showAnalysis(
      await api.analyze(isHtml ? { html: content } : { text: content, title: file.name }, date || undefined),
    );
  } catch (e) {
    $("document").textContent = `Could not analyse ${file.name}: ${(e as Error).message}`;
  }
});

$("analyze-button").addEventListener("click", async () => {
  const text = ($("analyze-input") as HTMLTextAreaElement).value;
  const date = ($("analyze-date") as HTMLInputElement).value;
  if (!text.trim()) return;
  try {
    showAnalysis(await api.analyze({ text }, date || undefined));
  } catch (e) {
    $("document").textContent = `Could not analyse: ${(e as Error).message}`;
  }
});

// Documents the store could not take (bad input, jobs parked by the queue): a count in the header, so a
// failing feed or worker gets noticed; `orbat stats` lists the reasons.
void fetch("/api/stats")
  .then((r) => r.json() as Promise<{ failed?: number }>)
  .then((s) => {
    if (!s.failed) return;
    const badge = document.createElement("span");
    badge.dataset.testid = "failures";
    badge.style.color = "#b00020";
    badge.title = "documents that could not be stored (orbat stats lists why)";
    badge.textContent = `${s.failed} failed`;
    document.querySelector("header.bar")?.append(badge);
  })
  .catch(() => undefined);

const initial = stateFromUrl();
for (const f of FILTERS) (form.elements.namedItem(f) as HTMLInputElement).value = initial.get(f) ?? "";
void refresh().then(() => {
  const doc = initial.get("doc");
  if (doc) void openDocument(doc, initial.get("event") ?? undefined);
  document.body.dataset.ready = "true";
});
