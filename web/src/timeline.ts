// The timeline: events per month as an SVG histogram; drag across it to select a period.
import type { EventRow } from "./api";

const SVG = "http://www.w3.org/2000/svg";

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export function renderTimeline(
  container: HTMLElement,
  rows: EventRow[],
  onBrush: (since: string, until: string) => void,
): void {
  container.replaceChildren();
  const months = new Map<string, number>();
  for (const r of rows) {
    // Background dates ("since the 1970s") would stretch the axis: far before publication, use publication.
    const pub = r.document.publishedAt ?? "";
    const t = r.time.start ?? "";
    const d = (t && (!pub || Number(pub.slice(0, 4)) - Number(t.slice(0, 4)) <= 2) ? t : pub).slice(0, 7);
    if (/^\d{4}-\d{2}$/.test(d)) months.set(d, (months.get(d) ?? 0) + 1);
  }
  const keys = [...months.keys()].sort();
  if (keys.length === 0) {
    container.textContent = "No dated events.";
    return;
  }
  const all: string[] = [];
  for (
    let [y, m] = keys[0]!.split("-").map(Number) as [number, number];
    `${y}-${String(m).padStart(2, "0")}` <= keys[keys.length - 1]!;
    m === 12 ? ((y += 1), (m = 1)) : (m += 1)
  ) {
    all.push(`${y}-${String(m).padStart(2, "0")}`);
    if (all.length > 600) break;
  }
  const W = 1000;
  const H = 90;
  const max = Math.max(...months.values());
  const bw = W / all.length;
  const svg = el("svg", {
    viewBox: `0 0 ${W} ${H}`,
    preserveAspectRatio: "none",
    role: "img",
    "aria-label": `Events per month, ${all[0]} to ${all[all.length - 1]}`,
  });
  all.forEach((k, i) => {
    const n = months.get(k) ?? 0;
    const h = n ? Math.max(2, (n / max) * (H - 14)) : 0;
    const bar = el("rect", {
      x: i * bw + 0.5,
      y: H - 12 - h,
      width: Math.max(1, bw - 1),
      height: h,
      fill: "#1f4e9c",
      "data-month": k,
    });
    const t = el("title", {});
    t.textContent = `${k}: ${n} events`;
    bar.append(t);
    svg.append(bar);
  });
  const label = (x: number, text: string, anchor: string) => {
    const t = el("text", { x, y: H - 1, "font-size": 10, "text-anchor": anchor, fill: "#555" });
    t.textContent = text;
    svg.append(t);
  };
  label(2, all[0]!, "start");
  label(W - 2, all[all.length - 1]!, "end");
  const brush = el("rect", {
    x: 0,
    y: 0,
    width: 0,
    height: H - 12,
    fill: "rgba(231,111,81,0.25)",
    "data-testid": "timeline-brush",
  });
  svg.append(brush);
  let from: number | undefined;
  const toIndex = (ev: MouseEvent) => {
    const r = svg.getBoundingClientRect();
    return Math.max(0, Math.min(all.length - 1, Math.floor(((ev.clientX - r.left) / r.width) * all.length)));
  };
  svg.addEventListener("mousedown", (ev) => {
    from = toIndex(ev);
  });
  svg.addEventListener("mousemove", (ev) => {
    if (from === undefined) return;
    const to = toIndex(ev);
    brush.setAttribute("x", String(Math.min(from, to) * bw));
    brush.setAttribute("width", String((Math.abs(to - from) + 1) * bw));
  });
  svg.addEventListener("mouseup", (ev) => {
    if (from === undefined) return;
    const to = toIndex(ev);
    const [a, b] = [Math.min(from, to), Math.max(from, to)];
    from = undefined;
    const [y, m] = all[b]!.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    onBrush(`${all[a]}-01`, `${all[b]}-${String(last).padStart(2, "0")}`);
  });
  container.append(svg);
}
