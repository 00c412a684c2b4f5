// A PostgreSQL password never reaches an error message.
import { describe, expect, it } from "vitest";
import { Store } from "../src/store/store.js";

describe("credentials in messages", () => {
  it("masks the password of a postgres:// URL when the store cannot be opened", async () => {
    const err = await Store.open("postgres://analyst:s3cret-pass@127.0.0.1:1/orbat").catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/analyst:\*\*\*@127\.0\.0\.1/);
    expect((err as Error).message).not.toContain("s3cret-pass");
  });
});
