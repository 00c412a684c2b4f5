// Versions made from files: the KB's (its data) and the pipeline's (its code) hash the files of folders.
import type { Hash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Adds to `h` the name and contents of each file under `dir` that `accept` takes, in name order. */
export function hashTree(h: Hash, dir: string, accept: (name: string) => boolean): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) hashTree(h, p, accept);
    else if (accept(name)) h.update(name).update(readFileSync(p));
  }
}
