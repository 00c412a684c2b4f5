import { loadKb } from "../src/kb/load.js";
import { tokenize } from "../src/stages/tokens.js";
import { findCandidates } from "../src/stages/candidates.js";
const kb = loadKb();
for (const text of process.argv.slice(2)) { const { tokens } = tokenize(text); console.log(findCandidates(text, tokens, kb).map((c) => `${c.text}:${c.refs.map((r) => r.kind).join("/")}`)); }
