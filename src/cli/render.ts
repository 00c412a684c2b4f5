// Human-readable summary of an Analysis (coloured on a TTY); --explain adds the evidence trail.
import pc from "picocolors";
import type { Analysis, Entity } from "../core/analysis.js";

const KIND_COLOUR: Record<Entity["kind"], (s: string) => string> = {
  place: pc.green,
  actor: pc.cyan,
  equipment: pc.magenta,
  unit: pc.yellow,
};

function entityLine(e: Entity): string {
  const mentions = e.mentions
    .map((m) => `"${m.text}"${m.role !== "literal" ? ` (${m.role})` : ""}`)
    .join(", ");
  let detail = "";
  if (e.kind === "place")
    detail = `${e.featureType}, ${e.countryCode ?? "-"}, ${e.lat.toFixed(2)},${e.lon.toFixed(2)}`;
  if (e.kind === "actor") detail = `${e.type}${e.countryCode ? `, ${e.countryCode}` : ""}`;
  if (e.kind === "unit") detail = e.countryCode ?? "-";
  if (e.kind === "equipment")
    detail = [
      e.category,
      e.natoName,
      e.family && `family ${e.family}`,
      e.matchedVariant && `matched "${e.matchedVariant}"`,
    ]
      .filter(Boolean)
      .join(", ");
  return `  ${KIND_COLOUR[e.kind](e.kind.padEnd(9))} ${pc.bold(e.name)} ${pc.dim(`[${detail}] conf ${e.confidence}`)}\n             ${mentions}`;
}

export function renderAnalysis(a: Analysis, explain = false): string {
  const lines: string[] = [];
  const d = a.document;
  lines.push(pc.bold(d.title || d.id));
  lines.push(
    pc.dim(
      `${d.source ?? "unknown source"} | published ${d.publishedAt ?? "unknown"}${d.publishedAtInferred ? " (inferred)" : ""} | ${d.language} | ${d.text.length} chars`,
    ),
  );
  const name = (id: string) => a.entities.find((e) => e.id === id)?.name ?? id;
  lines.push("", pc.underline(`Events (${a.events.length})`));
  for (const ev of a.events) {
    const when = ev.time.start
      ? `${ev.time.start}${ev.time.end && ev.time.end !== ev.time.start ? `..${ev.time.end}` : ""}`
      : ev.time.end
        ? `by ${ev.time.end}`
        : "time unknown";
    lines.push(`  ${pc.bold(ev.type)} ${pc.dim(`CAMEO ${ev.cameo.code} ${ev.cameo.label}`)}`);
    lines.push(
      `    who: ${ev.actors.map(name).join(", ") || "-"} | with: ${ev.equipment.map(name).join(", ") || "-"} | where: ${ev.places.map(name).join(", ") || "-"} | when: ${when}`,
    );
    lines.push(
      `    ${factualityColour(ev.factuality)(ev.factuality)}, confidence ${ev.confidence}, sources: ${ev.sourceIds.map((id) => a.sources.find((s) => s.id === id)?.name ?? id).join(" <- ")}`,
    );
    lines.push(
      `    ${pc.dim(`"${ev.evidence.text.slice(0, 220)}${ev.evidence.text.length > 220 ? "..." : ""}"`)}`,
    );
    if (explain) {
      lines.push(
        pc.dim(`    rule ${ev.rule}; trigger "${ev.trigger.text}" at ${ev.trigger.start}-${ev.trigger.end}`),
      );
      for (const c of ev.cues)
        lines.push(pc.dim(`    cue ${c.kind} (${c.rule}): "${c.text}" at ${c.start}-${c.end}`));
      for (const s of ev.evidenceSpans ?? []) lines.push(pc.dim(`    also told at ${s.start}-${s.end}`));
    }
  }
  if (explain && a.notEvents?.length) {
    lines.push("", pc.underline(`Read as no event (${a.notEvents.length})`));
    for (const n of a.notEvents)
      lines.push(
        pc.dim(
          `  "${n.text}" at ${n.start}-${n.end}: not ${/^[aeiou]/.test(n.type) ? "an" : "a"} ${n.type} (${n.rule})`,
        ),
      );
  }
  lines.push("", pc.underline(`Entities (${a.entities.length})`));
  for (const e of a.entities) {
    lines.push(entityLine(e));
    if (explain) {
      for (const m of e.mentions) {
        lines.push(
          pc.dim(
            `      ${m.start}-${m.end} "${m.text}": ${m.evidence.map((x) => `${x.rule}${x.score !== undefined ? `=${x.score}` : ""}${x.detail ? `(${x.detail})` : ""}`).join(" + ")}`,
          ),
        );
      }
    }
  }
  lines.push("", pc.underline(`Sources (${a.sources.length})`));
  for (const s of a.sources) {
    const by = s.citedBy
      ? ` <- cited by ${a.sources.find((x) => x.id === s.citedBy)?.name ?? s.citedBy}`
      : "";
    lines.push(`  ${s.id} ${pc.bold(s.name)} ${pc.dim(`(${s.type})${by}`)}`);
  }
  lines.push("", pc.underline(`Findings (${a.findings.length})`));
  for (const f of a.findings) {
    const colour = f.severity === "error" ? pc.red : f.severity === "warning" ? pc.yellow : pc.dim;
    lines.push(`  ${colour(f.severity.padEnd(7))} ${f.kind}: ${f.message}`);
  }
  if (explain) {
    lines.push("", pc.underline("Pipeline"));
    lines.push(`  ${a.provenance.stages.map((s) => `${s} ${a.provenance.timingsMs[s]} ms`).join(" -> ")}`);
  }
  return lines.join("\n");
}

function factualityColour(f: string): (s: string) => string {
  return f === "asserted" ? pc.green : f === "reported" ? pc.cyan : f === "negated" ? pc.red : pc.yellow;
}
