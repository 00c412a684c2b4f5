// Backup and restore of a whole store as one JSON Lines file (gzip-compressed when the name ends in .gz),
// the same on SQLite and PostgreSQL, so a store moves between backends without loss. The file holds what
// cannot be derived (each document with its full stored Analysis, feeds, alerts, failures); restore rebuilds
// entities, events, stories and corroboration through the normal ingest path without analysing anything
// again. The whole restore is one transaction: a truncated or corrupt file restores nothing. Format and
// guarantees: docs/backup.md.
import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
} from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { ORBAT_VERSION } from "../analyze.js";
import { Analysis } from "../core/analysis.js";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { contentHash } from "../ingest/document.js";
import type { Db } from "./db.js";
import { SCHEMA_VERSION } from "./migrations.js";
import { feedFromRow, type Store, type StoredAs } from "./store.js";

export const BACKUP_FORMAT = "orbat-backup";
export const BACKUP_VERSION = 1;
const PAGE = 200;
const RESTORE_BATCH = 100;

export interface BackupCounts {
  documents: number;
  feeds: number;
  alerts: number;
  failures: number;
}

export interface RestoreResult extends BackupCounts {
  /** documents of the backup already in the store (content hash), left as they were (--merge) */
  alreadyStored: number;
}

const TABLES: Record<keyof BackupCounts, string> = {
  documents: "documents",
  feeds: "feeds",
  alerts: "alerts",
  failures: "failures",
};

async function countRows(t: Db): Promise<BackupCounts> {
  const out = { documents: 0, feeds: 0, alerts: 0, failures: 0 };
  for (const [k, table] of Object.entries(TABLES) as Array<[keyof BackupCounts, string]>)
    out[k] = Number((await t.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n ?? 0);
  return out;
}

/** The lines of a backup, read on one snapshot: header, documents, feeds, alerts, failures, end. */
async function* backupLines(t: Db, written: BackupCounts): AsyncGenerator<string> {
  const hash = createHash("sha256");
  const counts = await countRows(t);
  const line = (value: string) => {
    const l = `${value}\n`;
    hash.update(l);
    return l;
  };
  yield line(
    JSON.stringify({
      type: "header",
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schemaVersion: SCHEMA_VERSION,
      orbatVersion: ORBAT_VERSION,
      created: new Date().toISOString(),
      counts,
    }),
  );
  // Keyset pages in id order: memory stays flat however large the store.
  for (let after = ""; ; ) {
    const rows = await t.all<{ id: string; story_id: string; ingested_at: string; analysis: string }>(
      "SELECT id, story_id, ingested_at, analysis FROM documents WHERE id > ? ORDER BY id LIMIT ?",
      [after, PAGE],
    );
    for (const r of rows) {
      // The stored Analysis is spliced in as stored: no parse and re-serialise, byte for byte.
      yield line(
        `{"type":"document","id":${JSON.stringify(r.id)},"storyId":${JSON.stringify(r.story_id)},"ingestedAt":${JSON.stringify(r.ingested_at)},"analysis":${r.analysis}}`,
      );
      written.documents++;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  for (const r of await t.all<Record<string, unknown>>("SELECT * FROM feeds ORDER BY url")) {
    const feed = feedFromRow(r);
    yield line(JSON.stringify({ type: "feed", ...feed }));
    written.feeds++;
  }
  for (const r of await t.all<Record<string, string>>("SELECT * FROM alerts ORDER BY name")) {
    yield line(
      JSON.stringify({
        type: "alert",
        name: r.name,
        filter: JSON.parse(r.filter!),
        target: r.target,
        lastChecked: r.last_checked,
        created: r.created,
      }),
    );
    written.alerts++;
  }
  for (const r of await t.all<Record<string, unknown>>("SELECT * FROM failures ORDER BY ref")) {
    yield line(
      JSON.stringify({
        type: "failure",
        ref: r.ref,
        code: r.code,
        message: r.message,
        attempts: Number(r.attempts),
        firstFailed: r.first_failed,
        lastFailed: r.last_failed,
      }),
    );
    written.failures++;
  }
  yield `${JSON.stringify({ type: "end", counts: written, sha256: hash.digest("hex") })}\n`;
}

/** Writes the whole store to `file` (beside it first, renamed when complete). */
export async function writeBackup(store: Store, file: string): Promise<BackupCounts> {
  const partial = `${file}.partial`;
  try {
    return await store.db.snapshot(async (t) => {
      const counts = { documents: 0, feeds: 0, alerts: 0, failures: 0 };
      const lines = Readable.from(backupLines(t, counts));
      if (file.endsWith(".gz")) await pipeline(lines, createGzip(), createWriteStream(partial));
      else await pipeline(lines, createWriteStream(partial));
      renameSync(partial, file);
      return counts;
    });
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** Lines of a (possibly gzip-compressed) file, without holding the file in memory. */
async function* readLines(file: string): AsyncGenerator<string> {
  const head = Buffer.alloc(2);
  const fd = openSync(file, "r");
  const n = readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  const raw = createReadStream(file);
  const input = n === 2 && head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  input.setEncoding("utf8");
  let rest = "";
  for await (const chunk of input as AsyncIterable<string>) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest) yield rest;
}

type Line = Record<string, unknown> & { type?: unknown };

/**
 * Restores a backup into `store` in one transaction. An empty store is required unless `merge`: then
 * documents already stored are skipped, stories are assigned against what the store holds, and feeds,
 * alerts and failures are replaced by the backup's rows of the same key (restoring twice changes nothing).
 */
export async function restoreBackup(
  store: Store,
  file: string,
  o: { merge?: boolean } = {},
): Promise<RestoreResult> {
  if (!existsSync(file)) throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no such backup file: ${file}`);
  const bad = (lineNo: number, why: string) =>
    new OrbatError(ErrorCodes.STORE, `backup ${file}, line ${lineNo}: ${why}; nothing was restored`);
  return store.db.tx(async (t) => {
    if (!o.merge) {
      const have = await countRows(t);
      const held = Object.entries(have).filter(([, v]) => v > 0);
      if (held.length)
        throw new OrbatError(
          ErrorCodes.USAGE,
          `the store is not empty (${held.map(([k, v]) => `${v} ${k}`).join(", ")})`,
          "restore into a new store, or pass --merge to add the backup to it",
        );
    }
    const result: RestoreResult = { documents: 0, feeds: 0, alerts: 0, failures: 0, alreadyStored: 0 };
    const hash = createHash("sha256");
    let pending: Array<{ analysis: Analysis; as: StoredAs }> = [];
    const flush = async () => {
      for (const r of await store.writeBatch(t, pending)) {
        if (r.stored) result.documents++;
        else result.alreadyStored++;
      }
      pending = [];
    };
    let lineNo = 0;
    let ended = false;
    try {
      for await (const text of readLines(file)) {
        lineNo++;
        if (ended) throw bad(lineNo, "data after the end line");
        let l: Line;
        try {
          l = JSON.parse(text) as Line;
        } catch {
          throw bad(lineNo, "not valid JSON (the file is truncated or corrupt)");
        }
        if (lineNo === 1) {
          checkHeader(l, (why) => bad(1, why));
          hash.update(`${text}\n`);
          continue;
        }
        if (l.type === "end") {
          const read = {
            documents: result.documents + result.alreadyStored + pending.length,
            feeds: result.feeds,
            alerts: result.alerts,
            failures: result.failures,
          };
          if (l.sha256 !== hash.digest("hex")) throw bad(lineNo, "checksum mismatch (the file is corrupt)");
          const claimed = (l.counts ?? {}) as Record<string, unknown>;
          if (Object.entries(read).some(([k, v]) => claimed[k] !== v))
            throw bad(lineNo, `counts ${JSON.stringify(l.counts)} do not match the lines read`);
          ended = true;
          continue;
        }
        hash.update(`${text}\n`);
        await restoreLine(t, store, l, o.merge === true, result, pending, (why) => bad(lineNo, why));
        if (pending.length >= RESTORE_BATCH) await flush();
      }
    } catch (e) {
      if (e instanceof OrbatError) throw e;
      // zlib and read errors: a cut or damaged gzip stream
      throw bad(lineNo + 1, `cannot be read (${(e as Error).message})`);
    }
    if (lineNo === 0) throw bad(1, "the file is empty");
    if (!ended) throw bad(lineNo, "the file ends without its end line (truncated)");
    await flush();
    return result;
  });
}

function checkHeader(l: Line, bad: (why: string) => OrbatError): void {
  if (l.type !== "header" || l.format !== BACKUP_FORMAT) throw bad("not an orbat backup");
  if (l.version !== BACKUP_VERSION)
    throw bad(
      `backup format version ${String(l.version)} is not supported (this orbat reads ${BACKUP_VERSION})`,
    );
  if (typeof l.schemaVersion !== "number" || l.schemaVersion > SCHEMA_VERSION)
    throw bad(
      `made by a newer orbat (store schema ${String(l.schemaVersion)}, this one has ${SCHEMA_VERSION})`,
    );
}

async function restoreLine(
  t: Db,
  store: Store,
  l: Line,
  merge: boolean,
  result: RestoreResult,
  pending: Array<{ analysis: Analysis; as: StoredAs }>,
  bad: (why: string) => OrbatError,
): Promise<void> {
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  switch (l.type) {
    case "document": {
      const parsed = Analysis.safeParse(l.analysis);
      if (!parsed.success)
        throw bad(`the document's Analysis is not valid (${parsed.error.issues[0]?.message})`);
      // The parsed copy may drop unknown fields; the stored one is kept as it was.
      const analysis = l.analysis as Analysis;
      if (contentHash(analysis.document.text) !== analysis.document.contentHash)
        throw bad("the document's text does not match its content hash (the file is corrupt)");
      const id = str(l.id);
      const storyId = str(l.storyId);
      const ingestedAt = str(l.ingestedAt);
      if (!id || !storyId || !ingestedAt) throw bad("a document line needs id, storyId and ingestedAt");
      // A merge assigns stories against the documents already in the store; a plain restore keeps them.
      pending.push({ analysis, as: merge ? { docId: id, ingestedAt } : { docId: id, storyId, ingestedAt } });
      return;
    }
    case "feed": {
      const url = str(l.url);
      if (!url) throw bad("a feed line needs a url");
      await store.saveFeed(
        {
          url,
          etag: str(l.etag),
          lastModified: str(l.lastModified),
          lastChecked: str(l.lastChecked),
          nextCheck: str(l.nextCheck),
          failures: Number(l.failures) || 0,
          lastError: str(l.lastError),
          itemsStored: Number(l.itemsStored) || 0,
        },
        t,
      );
      result.feeds++;
      return;
    }
    case "alert": {
      const [name, target, lastChecked, created] = [l.name, l.target, l.lastChecked, l.created].map(str);
      if (!name || !target || !lastChecked || !created || typeof l.filter !== "object" || l.filter === null)
        throw bad("an alert line needs name, filter, target, lastChecked and created");
      await t.run(
        `INSERT INTO alerts (name, filter, target, last_checked, created) VALUES (?,?,?,?,?)
         ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, target = excluded.target,
         last_checked = excluded.last_checked, created = excluded.created`,
        [name, JSON.stringify(l.filter), target, lastChecked, created],
      );
      result.alerts++;
      return;
    }
    case "failure": {
      const [ref, code, message, firstFailed, lastFailed] = [
        l.ref,
        l.code,
        l.message,
        l.firstFailed,
        l.lastFailed,
      ].map(str);
      if (!ref || !code || message === null || !firstFailed || !lastFailed)
        throw bad("a failure line needs ref, code, message, firstFailed and lastFailed");
      await t.run(
        `INSERT INTO failures (ref, code, message, attempts, first_failed, last_failed) VALUES (?,?,?,?,?,?)
         ON CONFLICT (ref) DO UPDATE SET code = excluded.code, message = excluded.message,
         attempts = excluded.attempts, first_failed = excluded.first_failed, last_failed = excluded.last_failed`,
        [ref, code, message, Number(l.attempts) || 1, firstFailed, lastFailed],
      );
      result.failures++;
      return;
    }
    default:
      throw bad(`unknown line type ${JSON.stringify(l.type)}`);
  }
}
