// `orbat kb search|stats`: what the knowledge base knows and how a string resolves.
import type { Command } from "commander";
import pc from "picocolors";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { loadKb } from "../kb/load.js";
import { type SearchHit, searchKb } from "../kb/search.js";

export function registerKb(program: Command): void {
  const kb = program.command("kb").description("inspect the knowledge base");
  kb.command("search")
    .description("show what a string resolves to and why (score, variant, rule)")
    .argument("<text>", "a name, designator, NATO name, demonym...")
    .option("--kind <kind>", "place | equipment | actor")
    .option("--json", "print JSON")
    .option("--limit <n>", "at most n results", "10")
    .action((text: string, opts: { kind?: SearchHit["kind"]; json?: boolean; limit: string }) => {
      if (opts.kind && !["place", "equipment", "actor"].includes(opts.kind)) {
        throw new OrbatError(
          ErrorCodes.USAGE,
          `unknown --kind "${opts.kind}"`,
          "use place, equipment or actor",
        );
      }
      const hits = searchKb(loadKb(), text, opts.kind).slice(0, Number(opts.limit) || 10);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ query: text, hits }, null, 2)}\n`);
        return;
      }
      if (hits.length === 0) {
        process.stdout.write(`no match for "${text}"\n`);
        process.exitCode = 1;
        return;
      }
      for (const h of hits) {
        process.stdout.write(
          `${pc.bold(h.name)} ${pc.dim(`(${h.kind} ${h.id})`)} score ${h.score}\n  ${h.detail}\n  ${pc.dim(`matched "${h.matchedVariant}" by ${h.rule}`)}\n`,
        );
      }
    });
  kb.command("stats")
    .description("counts of what the knowledge base holds, load time and memory")
    .option("--json", "print JSON")
    .action((opts: { json?: boolean }) => {
      const t0 = performance.now();
      const k = loadKb();
      const loadMs = Math.round(performance.now() - t0);
      const stats = {
        version: k.version,
        ...k.counts,
        loadMs,
        rssMb: Math.round(process.memoryUsage().rss / 1e6),
        extensions: k.extensions,
      };
      if (opts.json) process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      else for (const [key, v] of Object.entries(stats)) process.stdout.write(`${key.padEnd(18)} ${v}\n`);
    });
}
