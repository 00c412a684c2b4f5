// The CLI as a user runs it: real child processes, real files, exit codes and stderr.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { Analysis } from "../src/core/analysis.js";
import { spanErrors } from "../src/core/spans.js";

const ROOT = new URL("..", import.meta.url).pathname;
const orbat = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(ROOT, "bin/orbat.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    input,
    env: { ...process.env, NO_COLOR: "1" },
  });
const tmp = mkdtempSync(join(tmpdir(), "orbat-cli-"));

describe("orbat CLI", () => {
  it("has --help on every command", () => {
    for (const args of [
      ["--help"],
      ["analyze", "--help"],
      ["demo", "--help"],
      ["kb", "search", "--help"],
      ["kb", "stats", "--help"],
      ["eval", "geoparse", "--help"],
      ["eval", "events", "--help"],
    ]) {
      const r = orbat(args);
      expect(r.status, args.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/Usage: orbat/);
    }
  });

  it("--explain says which words were read as no event, and by which rule", () => {
    const file = join(tmp, "not-events.txt");
    writeFileSync(file, "Tehran builds attack drones and warned it would respond to any attack.");
    const r = orbat(["analyze", file, "--explain"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Read as no event \(2\)/);
    expect(r.stdout).toMatch(/"attack" at \d+-\d+: not an attack \(hypothetical-object\)/);
  });

  it("stops quietly when the reader closes the pipe early (| head)", () => {
    // a long output read only up to its first line: exit 0 and nothing on stderr, not an EPIPE crash
    const r = spawnSync(
      "/bin/sh",
      ["-c", `"${process.execPath}" "${join(ROOT, "bin/orbat.js")}" eval events --errors | head -1`],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it("analyze --json prints an Analysis that validates against docs/analysis.schema.json with exact spans", () => {
    const r = orbat([
      "analyze",
      "fixtures/text/a01-venezuela-pechora-paraguana.txt",
      "--json",
      "--published",
      "2025-10-07",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    const schema = JSON.parse(readFileSync(join(ROOT, "docs/analysis.schema.json"), "utf8"));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(a), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
    expect(spanErrors(a)).toEqual([]);
    expect(a.document.publishedAt).toBe("2025-10-07");
    expect(a.events.length).toBeGreaterThan(0);
  });

  it("prints a readable summary by default and the evidence trail with --explain", () => {
    const r = orbat(
      ["analyze", "-", "--published", "2025-10-07", "--explain"],
      "Russia deployed S-400 systems to Kaliningrad on Monday, Reuters reported.",
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Events \(\d+\)/);
    expect(r.stdout).toMatch(/deployment/);
    expect(r.stdout).toMatch(/segment: needs/);
    expect(r.stdout).toMatch(/trigger "deployed"/);
  });

  it("fails with a stable code and one line, no stack trace, on bad input", () => {
    const empty = join(tmp, "empty.txt");
    writeFileSync(empty, "");
    const r = orbat(["analyze", empty]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^orbat: ORBAT_E_INPUT_EMPTY: /);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(orbat(["analyze", join(tmp, "missing.txt")]).stderr).toMatch(/ORBAT_E_INPUT_NOT_FOUND/);
    expect(orbat(["analyze", "-", "--published", "2025-13-40"], "text").stderr).toMatch(
      /ORBAT_E_DATE_INVALID/,
    );
    const bin = join(tmp, "bin.dat");
    writeFileSync(bin, Buffer.from([0, 159, 146, 150, 0, 1, 2]));
    expect(orbat(["analyze", bin]).stderr).toMatch(/ORBAT_E_INPUT_BINARY/);
  });

  it("streams JSON Lines in order, with an error record for a bad line", () => {
    const file = join(tmp, "in.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: "one",
          text: "Iran tested a Fateh-110 missile near Bandar Abbas on Monday.",
          publishedAt: "2024-03-05",
        }),
        "{broken",
        JSON.stringify({
          id: "three",
          html: "<p>China sent warships into the Taiwan Strait on Friday, officials said.</p>",
          publishedAt: "2024-03-09",
        }),
      ].join("\n"),
    );
    const r = orbat(["analyze", file, "--json"]);
    expect(r.status).toBe(3); // finished, with some documents failed
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].document.id).toBe("one");
    expect(lines[1].error.code).toBe("ORBAT_E_JSONL_LINE");
    expect(lines[1].line).toBe(2);
    expect(lines[2].document.id).toBe("three");
  });

  it("kb search explains what a string resolves to", () => {
    const r = orbat(["kb", "search", "SA-20", "--json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hits[0].id).toMatch(/s-300pmu/);
    expect(orbat(["kb", "search", "S300PMU2"]).stdout).toMatch(/S-300PMU/);
    expect(orbat(["kb", "stats", "--json"]).stdout).toMatch(/"equipment"/);
  });

  it("demo analyses the bundled corpus", () => {
    const r = orbat(["demo", "--no-serve", "--db", join(tmp, "demo.db")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/orbat demo: \d+ articles, \d+ events/);
    // a store named with --db is the user's: a second run adds nothing and says what it kept
    const again = orbat(["demo", "--no-serve", "--db", join(tmp, "demo.db")]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/\d+ of the articles were already in .*demo\.db and were kept/);
  });
  it("demo makes its own store anew, so an earlier run's analyses never show", async () => {
    const own = mkdtempSync(join(tmpdir(), "orbat-demo-own-"));
    const demo = () =>
      spawnSync(process.execPath, [join(ROOT, "bin/orbat.js"), "demo", "--no-serve"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", TMPDIR: own },
      });
    const first = demo();
    expect(first.status, first.stderr).toBe(0);
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(join(own, "orbat-demo.db"));
    // what an older orbat would have stored
    db.prepare("UPDATE events SET type = 'stale'").run();
    db.close();
    const second = demo();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).not.toMatch(/were already in/);
    const after = new Database(join(own, "orbat-demo.db"), { readonly: true });
    const stale = after.prepare("SELECT count(*) AS n FROM events WHERE type = 'stale'").get() as {
      n: number;
    };
    const all = after.prepare("SELECT count(*) AS n FROM events").get() as { n: number };
    after.close();
    expect(stale.n).toBe(0);
    expect(all.n).toBeGreaterThan(100);
  });

  it("reanalyze analyses again what an older orbat stored, and only that unless --all", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "orbat-reanalyze-")), "orbat.db");
    const ingest = orbat(["ingest", join(ROOT, "fixtures/text"), "--db", db, "--json"]);
    expect(ingest.status, ingest.stderr).toBe(0);
    const stored = JSON.parse(ingest.stdout).stored as number;
    const summary = (args: string[]) => {
      const r = orbat(["reanalyze", "--db", db, "--json", ...args]);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { documents: number; upToDate: number; reanalyzed: number };
    };
    expect(summary([])).toMatchObject({ documents: stored, upToDate: stored, reanalyzed: 0 });
    // what an older orbat would have stored for two documents: other code, and no events
    const { default: Database } = await import("better-sqlite3");
    const w = new Database(db);
    const ids = (
      w.prepare("SELECT id FROM documents ORDER BY id LIMIT 2").all() as Array<{ id: string }>
    ).map((r) => r.id);
    for (const id of ids) {
      const row = w.prepare("SELECT analysis FROM documents WHERE id = ?").get(id) as { analysis: string };
      const a = JSON.parse(row.analysis) as Analysis;
      a.provenance.pipeline = "older";
      w.prepare("UPDATE documents SET analysis = ? WHERE id = ?").run(JSON.stringify(a), id);
      w.prepare("DELETE FROM event_arguments WHERE doc_id = ?").run(id);
      w.prepare("DELETE FROM events WHERE doc_id = ?").run(id);
    }
    const eventsOf = (id: string) =>
      (w.prepare("SELECT count(*) AS n FROM events WHERE doc_id = ?").get(id) as { n: number }).n;
    expect(ids.map(eventsOf)).toEqual([0, 0]);
    // ingesting them again changes nothing, but says that an older orbat analysed two of them
    const twice = orbat(["ingest", join(ROOT, "fixtures/text"), "--db", db]);
    expect(twice.status, twice.stderr).toBe(0);
    expect(twice.stderr).toMatch(
      /2 of the documents already stored were analysed by another version.*orbat reanalyze/,
    );
    expect(summary([])).toMatchObject({ documents: stored, upToDate: stored - 2, reanalyzed: 2 });
    expect(ids.map(eventsOf).every((n) => n > 0)).toBe(true);
    const again = w.prepare("SELECT analysis FROM documents WHERE id = ?").get(ids[0]) as {
      analysis: string;
    };
    expect((JSON.parse(again.analysis) as Analysis).provenance.pipeline).toMatch(/^[0-9a-f]{12}$/);
    w.close();
    expect(summary([])).toMatchObject({ upToDate: stored, reanalyzed: 0 });
    expect(summary(["--all"])).toMatchObject({ upToDate: 0, reanalyzed: stored });
    const help = orbat(["reanalyze", "--help"]);
    expect(help.stdout).toMatch(/Usage: orbat reanalyze/);
  });
});
