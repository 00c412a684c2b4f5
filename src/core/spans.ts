// The span promise: for every span in an Analysis, document.text.slice(start, end) is exactly its text.
import type { Analysis, TextSpan } from "./analysis.js";

export function spanErrors(a: Analysis): string[] {
  const text = a.document.text;
  const errors: string[] = [];
  const check = (where: string, s: TextSpan | undefined) => {
    if (!s) return;
    if (s.start < 0 || s.end > text.length || s.start > s.end)
      errors.push(`${where}: ${s.start}-${s.end} out of range`);
    else if (text.slice(s.start, s.end) !== s.text)
      errors.push(`${where}: "${text.slice(s.start, s.end)}" != "${s.text}"`);
  };
  for (const e of a.entities) for (const m of e.mentions) check(`entity ${e.id}`, m);
  for (const ev of a.events) {
    check(`event ${ev.id} evidence`, ev.evidence);
    check(`event ${ev.id} trigger`, ev.trigger);
    for (const s of ev.evidenceSpans ?? []) check(`event ${ev.id} evidence span`, s);
    for (const c of ev.cues) check(`event ${ev.id} cue`, c);
    if (ev.time.span && ev.time.text !== undefined)
      check(`event ${ev.id} time`, { ...ev.time.span, text: ev.time.text });
  }
  for (const s of a.sources) for (const x of s.spans) check(`source ${s.id}`, x);
  for (const f of a.findings) for (const x of f.spans) check(`finding ${f.kind}`, x);
  for (const n of a.notEvents ?? []) check(`not-event ${n.rule}`, n);
  return errors;
}
