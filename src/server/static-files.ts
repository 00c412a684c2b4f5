// The built web app (web-dist/) as static files. A request path names a file inside that folder or nothing:
// dot segments (also percent-encoded), encoded slashes, backslashes, NUL bytes and symlinks out of the folder
// are refused, so no request can read a file elsewhere on the machine.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export type StaticAnswer =
  | { kind: "file"; body: Buffer; type: string }
  | { kind: "bad-path"; reason: string }
  | { kind: "not-built" };

/**
 * The file for a request path as Hono gives it (decoded except for reserved characters and "%"), falling
 * back to index.html for paths that name no file: the app keeps its state in the URL fragment.
 */
export function staticFile(dir: string, path: string): StaticAnswer {
  const segments: string[] = [];
  for (const raw of path.split("/").filter((s) => s !== "")) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { kind: "bad-path", reason: "malformed percent-encoding" };
    }
    if (seg === "." || seg === "..") return { kind: "bad-path", reason: "dot segment" };
    if (/[/\\\0]/.test(seg)) return { kind: "bad-path", reason: "slash, backslash or NUL inside a name" };
    segments.push(seg);
  }
  if (!existsSync(join(dir, "index.html"))) return { kind: "not-built" };
  const root = realpathSync(dir);
  const file = resolve(root, ...segments);
  if (segments.length > 0 && file.startsWith(root + sep) && isFile(file)) {
    const real = realpathSync(file);
    if (!real.startsWith(root + sep)) return { kind: "bad-path", reason: "link out of the app folder" };
    return {
      kind: "file",
      body: readFileSync(real),
      type: TYPES[extname(real)] ?? "application/octet-stream",
    };
  }
  return { kind: "file", body: readFileSync(join(root, "index.html")), type: TYPES[".html"]! };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
