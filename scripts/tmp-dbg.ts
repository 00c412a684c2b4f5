import { readFileSync } from "node:fs";
import { analyzeRaw } from "../src/analyze.js";
import { loadKb } from "../src/kb/load.js";
const kb = loadKb();
const a = analyzeRaw({ text: readFileSync(process.argv[2], "utf8"), format: "text", publishedAt: "2018-03-01" }, kb);
for (const e of a.entities) for (const m of e.mentions) if (m.role === "demonym" || e.kind === "place") console.log(e.kind, m.role, JSON.stringify(m.text), m.start, m.end, e.kbId);
