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
  /** runs fn in one transaction: all of it lands or none of it does */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function openSqlite(path: string): Db {
  const raw = new Database(path);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("foreign_keys = ON");
  raw.pragma("busy_timeout = 10000");
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
    async tx(fn) {
      raw.exec("BEGIN IMMEDIATE");
      try {
        const out = await fn(db);
        raw.exec("COMMIT");
        return out;
      } catch (e) {
        raw.exec("ROLLBACK");
        throw e;
      }
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
      async tx(fn) {
        if (inTx) return fn(db);
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const out = await fn(make(client as unknown as { query: pg.Pool["query"] }, true));
          await client.query("COMMIT");
          return out;
        } catch (e) {
          await client.query("ROLLBACK");
          throw e;
        } finally {
          client.release();
        }
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
