// The smallest SQL surface the store needs, with two adapters: better-sqlite3 (embedded, one file, WAL)
// and pg (a PostgreSQL server). SQL is written once with `?` placeholders; the pg adapter numbers them.
import Database from "better-sqlite3";
import pg from "pg";

export type Dialect = "sqlite" | "postgres";
export type Row = Record<string, unknown>;

export interface Db {
  dialect: Dialect;
  exec(sql: string): Promise<void>;
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
  /**
   * Inserts rows into `target` ("table (col, ...)"), `suffix` after VALUES. SQLite runs one compiled
   * single-row statement per row (in-process, no round trips); PostgreSQL sends multi-row statements.
   */
  insertRows(target: string, rows: unknown[][], suffix?: string): Promise<void>;
  /** runs fn in one transaction: all of it lands or none of it does */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** runs fn's reads on one consistent snapshot that concurrent writers do not change (backups) */
  snapshot<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How long a SQLite writer waits for another process's write transaction before giving up (SQLITE_BUSY). */
const BUSY_TIMEOUT_MS = 30_000;

/**
 * Switches the file to WAL. On a new file opened by two processes at once, the switch needs an exclusive
 * lock that SQLite does not wait for (its busy handler is not asked: SQLITE_BUSY at once, or the old mode
 * left in place), so it is retried, with growing pauses, for as long as the busy timeout would wait.
 */
function useWal(raw: Database.Database): void {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waitMs = 5; ; waitMs = Math.min(waitMs * 2, 250)) {
    try {
      const mode = raw.pragma("journal_mode = WAL", { simple: true });
      if (mode === "wal" || mode === "memory") return; // an in-memory database has no WAL to switch to
    } catch (e) {
      if ((e as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > until) throw e;
    }
    if (Date.now() > until) throw new Error("database is locked: could not switch it to WAL mode");
    Atomics.wait(pause, 0, 0, waitMs);
  }
}

export function openSqlite(path: string): Db {
  // The busy timeout is set when the file opens, before the first statement: two processes opening a new
  // file at once both switch it to WAL, and the loser must wait rather than fail with SQLITE_BUSY.
  const raw = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  useWal(raw);
  raw.pragma("synchronous = NORMAL");
  raw.pragma("foreign_keys = ON");
  // Statements are compiled once and reused: ingest runs the same few statements thousands of times.
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = raw.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const inTransaction = async <T>(begin: string, fn: (db: Db) => Promise<T>): Promise<T> => {
    raw.exec(begin);
    try {
      const out = await fn(db);
      raw.exec("COMMIT");
      return out;
    } catch (e) {
      // SQLite may already have rolled back (disk full, interrupted); the original error is the one to see.
      if (raw.inTransaction) raw.exec("ROLLBACK");
      throw e;
    }
  };
  const db: Db = {
    dialect: "sqlite",
    async exec(sql) {
      raw.exec(sql);
    },
    async all<T>(sql: string, params: unknown[] = []) {
      return stmt(sql).all(...(params as never[])) as T[];
    },
    async run(sql, params = []) {
      return stmt(sql).run(...(params as never[])).changes;
    },
    async insertRows(target, rows, suffix = "") {
      if (rows.length === 0) return;
      const s = stmt(
        `INSERT INTO ${target} VALUES (${new Array(rows[0]!.length).fill("?").join(",")}) ${suffix}`,
      );
      for (const r of rows) s.run(...(r as never[]));
    },
    async tx(fn) {
      // IMMEDIATE takes the write lock at BEGIN (waiting out the busy timeout), so two writers queue up
      // instead of both reading and then failing to upgrade their locks.
      return inTransaction("BEGIN IMMEDIATE", fn);
    },
    async snapshot(fn) {
      // A deferred transaction in WAL mode reads one snapshot from its first read to its end.
      return inTransaction("BEGIN", fn);
    },
    async close() {
      raw.close();
    },
  };
  return db;
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const inTransaction = async <T>(begin: string, fn: (db: Db) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const out = await fn(make(client as unknown as { query: pg.Pool["query"] }, true));
      await client.query("COMMIT");
      return out;
    } catch (e) {
      // A lost connection cannot roll back (the server already has); report the original error.
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  };
  const make = (q: { query: pg.Pool["query"] }, inTx: boolean): Db => {
    const db: Db = {
      dialect: "postgres",
      async exec(sql) {
        await q.query(sql);
      },
      async all<T>(sql: string, params: unknown[] = []) {
        return (await q.query(numbered(sql), params)).rows as T[];
      },
      async run(sql, params = []) {
        return (await q.query(numbered(sql), params)).rowCount ?? 0;
      },
      async insertRows(target, rows, suffix = "") {
        if (rows.length === 0) return;
        const width = rows[0]!.length;
        const per = Math.max(1, Math.floor(900 / width));
        for (let i = 0; i < rows.length; i += per) {
          const chunk = rows.slice(i, i + per);
          const values = chunk.map(() => `(${new Array(width).fill("?").join(",")})`).join(",");
          await q.query(numbered(`INSERT INTO ${target} VALUES ${values} ${suffix}`), chunk.flat());
        }
      },
      async tx(fn) {
        return inTx ? fn(db) : inTransaction("BEGIN", fn);
      },
      async snapshot(fn) {
        return inTx ? fn(db) : inTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn);
      },
      async close() {
        await pool.end();
      },
    };
    return db;
  };
  return make(pool, false);
}

export function openDb(spec: string): Db {
  return /^postgres(ql)?:\/\//.test(spec) ? openPostgres(spec) : openSqlite(spec);
}
