// Dependency audit: `npm audit --omit=dev --json`, failing on any high or critical advisory in production
// dependencies. When the registry's audit endpoint cannot be reached (offline CI, a mirror that refuses it)
// it says so on one line and exits 0, so the check never breaks a build for want of a network.
//   npx tsx scripts/audit.ts
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { ROOT } from "../src/kb/load.js";

export type AuditVerdict =
  | { status: "ok"; message: string }
  | { status: "fail"; message: string }
  | { status: "unavailable"; message: string };

interface AuditJson {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string }>;
  message?: string;
  error?: { code?: string; summary?: string };
}

/** Reads the JSON `npm audit --json` printed and decides. */
export function auditVerdict(stdout: string): AuditVerdict {
  let report: AuditJson;
  try {
    report = JSON.parse(stdout) as AuditJson;
  } catch {
    return { status: "unavailable", message: "npm audit printed no JSON report" };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const why = report.message ?? report.error?.summary ?? report.error?.code ?? "no report";
    return { status: "unavailable", message: `the registry's audit endpoint is unavailable: ${why}` };
  }
  const serious = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === "high" || v.severity === "critical")
    .map(([name, v]) => `${name} (${v.severity})`);
  const summary = ["critical", "high", "moderate", "low"].map((s) => `${counts[s] ?? 0} ${s}`).join(", ");
  if (serious.length > 0)
    return {
      status: "fail",
      message: `high or critical advisories in production dependencies: ${serious.join(", ")}`,
    };
  return { status: "ok", message: `no high or critical advisory in production dependencies (${summary})` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const v = r.error
    ? ({ status: "unavailable", message: `cannot run npm audit: ${r.error.message}` } as const)
    : auditVerdict(r.stdout);
  if (v.status === "unavailable")
    process.stderr.write(`audit: WARNING: ${v.message}; no advisory check was done\n`);
  else if (v.status === "fail") process.stderr.write(`audit: ${v.message}\n`);
  else process.stdout.write(`audit: ${v.message}\n`);
  process.exit(v.status === "fail" ? 1 : 0);
}
