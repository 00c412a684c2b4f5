// The document reader: the article text with every mention and event highlighted. Text is always set as
// text (never as HTML), so an article cannot inject markup or script into the page.
import type { Analysis, Entity } from "./api";

interface Mark {
  start: number;
  end: number;
  entity: Entity;
  title: string;
}

function wrap(
  inner: HTMLElement | Text,
  tag: "mark" | "span",
  className: string,
  title?: string,
): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (title) el.title = title;
  el.append(inner);
  return el;
}

export function renderDocument(container: HTMLElement, a: Analysis, focusEvent?: string): void {
  container.replaceChildren();
  const h = document.createElement("h2");
  h.textContent = a.document.title || a.document.id;
  const meta = document.createElement("div");
  meta.className = "legend";
  meta.textContent = `${a.document.source ?? "unknown source"} | published ${a.document.publishedAt ?? "unknown"}${a.document.publishedAtInferred ? " (inferred)" : ""} | places green, actors blue, equipment purple, units brown; event evidence yellow, triggers bold`;
  container.append(h, meta);
  const text = a.document.text;
  const marks: Mark[] = [];
  for (const e of a.entities) {
    for (const m of e.mentions) {
      const why = m.evidence.map((x) => `${x.rule}${x.score !== undefined ? `=${x.score}` : ""}`).join(", ");
      marks.push({
        start: m.start,
        end: m.end,
        entity: e,
        title: `${e.kind}: ${e.name}${m.part ? ` (${m.part} part)` : ""} (${m.role}, confidence ${m.confidence})${m.matchedVariant ? ` matched "${m.matchedVariant}"` : ""}\n${why}`,
      });
    }
  }
  marks.sort((x, y) => x.start - y.start || y.end - x.end);
  const ev = a.events.find((e) => e.id === focusEvent) ?? a.events[0];
  const evidence = ev ? [ev.evidence, ...(ev.evidenceSpans ?? [])] : [];
  const triggers = a.events.map((e) => e.trigger);
  const findings = a.findings.flatMap((f) =>
    f.spans.map((s) => ({ ...s, message: `${f.severity}: ${f.message}` })),
  );
  const body = document.createElement("div");
  body.className = "text";
  // Boundaries of every highlight; each piece between two boundaries is one text node with its classes.
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  for (const s of [...evidence, ...triggers, ...findings]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i]!, points[i + 1]!];
    const piece = text.slice(s, e);
    const mark = marks.find((m) => m.start <= s && e <= m.end);
    let node: HTMLElement | Text = document.createTextNode(piece);
    if (mark) {
      const el = wrap(node, "mark", `kind-${mark.entity.kind}`, mark.title);
      el.dataset.entity = mark.entity.id;
      if (typeof mark.entity.kbId === "string") {
        el.dataset.kb = mark.entity.kbId;
        el.tabIndex = 0;
      }
      node = el;
    }
    if (triggers.some((t) => t.start <= s && e <= t.end)) node = wrap(node, "span", "trigger");
    // Findings are shown where they occur: underlined in red, the message on hover.
    const finding = findings.find((f) => f.start <= s && e <= f.end);
    if (finding) node = wrap(node, "span", "finding-span", finding.message);
    if (evidence.some((t) => t.start <= s && e <= t.end)) node = wrap(node, "span", "evidence");
    body.append(node);
  }
  container.append(body);
}

export function renderFindings(container: HTMLElement, a: Analysis): void {
  container.replaceChildren();
  for (const f of a.findings) {
    const d = document.createElement("div");
    d.className = `finding ${f.severity}`;
    d.textContent = `${f.severity}: ${f.kind}: ${f.message}`;
    container.append(d);
  }
}

/** The attribution chain as a small layered graph: article -> outlet -> photographs, officials... */
export function renderSources(container: HTMLElement, a: Analysis): void {
  container.replaceChildren();
  const NS = "http://www.w3.org/2000/svg";
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen = new Set<string>()): number => {
    if (depth.has(id)) return depth.get(id)!;
    const s = a.sources.find((x) => x.id === id);
    const d = s?.citedBy && !seen.has(id) ? depthOf(s.citedBy, new Set([...seen, id])) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  for (const s of a.sources) depthOf(s.id);
  const rows = new Map<number, string[]>();
  for (const s of a.sources) rows.set(depth.get(s.id)!, [...(rows.get(depth.get(s.id)!) ?? []), s.id]);
  const widest = Math.max(1, ...[...rows.values()].map((ids) => ids.length));
  const W = Math.max(600, widest * 170);
  const rowH = 46;
  const H = Math.max(1, rows.size) * rowH + 10;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Attribution chain");
  const pos = new Map<string, [number, number]>();
  for (const [d, ids] of rows) {
    ids.forEach((id, i) => {
      pos.set(id, [((i + 1) * W) / (ids.length + 1), 20 + d * rowH]);
    });
  }
  for (const s of a.sources) {
    if (!s.citedBy || !pos.has(s.citedBy)) continue;
    const [x1, y1] = pos.get(s.citedBy)!;
    const [x2, y2] = pos.get(s.id)!;
    const line = document.createElementNS(NS, "line");
    for (const [k, v] of Object.entries({ x1, y1: y1 + 8, x2, y2: y2 - 12, stroke: "#888" }))
      line.setAttribute(k, String(v));
    svg.append(line);
  }
  for (const s of a.sources) {
    const [x, y] = pos.get(s.id)!;
    const t = document.createElementNS(NS, "text");
    for (const [k, v] of Object.entries({ x, y, "text-anchor": "middle", "font-size": 12 }))
      t.setAttribute(k, String(v));
    t.textContent = s.name.length > 26 ? `${s.name.slice(0, 25)}…` : s.name;
    const tip = document.createElementNS(NS, "title");
    tip.textContent = `${s.name} (${s.type})`;
    t.append(tip);
    t.setAttribute("data-source", s.id);
    svg.append(t);
  }
  container.append(svg);
}
