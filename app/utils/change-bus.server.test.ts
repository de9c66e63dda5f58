import { describe, expect, it } from "vitest";
import { PgChannel, receivedFromElsewhere, type Change } from "./change-bus.server";
import { keptRead } from "./read-cache.server";

// The change bus between servers: PostgreSQL's LISTEN/NOTIFY, through real connections. (The
// PostgreSQL server of the machine is used in both suites: the bus needs one whatever the app's
// database; the SQLite arrangement of several processes is tested in tests/arrangement.)

const url = process.env.PG_TEST_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

const run = crypto.randomUUID().slice(0, 8);
function channel() {
  const received: Change[] = [];
  const c = new PgChannel(url, (change) => received.push(change), `dam-changes-test-${run}`);
  return { c, received };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("not received in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("the change bus on PostgreSQL", () => {
  it("tells every other listener what was written, in order, and not the sender", async () => {
    const a = channel();
    const b = channel();
    const c = channel();
    await Promise.all([a.c.listening(), b.c.listening(), c.c.listening()]);
    a.c.send({ kind: "write", tables: ["Team"] });
    a.c.send({ kind: "board", retroId: "r1", revision: 7 });
    await until(() => b.received.length === 2 && c.received.length === 2);
    expect(b.received).toEqual([
      { kind: "write", tables: ["Team"] },
      { kind: "board", retroId: "r1", revision: 7 },
    ]);
    // a process does not hear itself (the message from its own id is dropped)
    await new Promise((r) => setTimeout(r, 100));
    expect(a.received).toEqual([]);
    await Promise.all([a.c.close(), b.c.close(), c.c.close()]);
  });

  it("says 'everything' rather than cut a list too long for one notification", async () => {
    const a = channel();
    const b = channel();
    await Promise.all([a.c.listening(), b.c.listening()]);
    a.c.send({ kind: "write", tables: Array.from({ length: 2_000 }, (_, i) => `Table${i}`) });
    await until(() => b.received.length === 1);
    expect(b.received[0]).toEqual({ kind: "write", tables: "everything" });
    await Promise.all([a.c.close(), b.c.close()]);
  });

  it("after losing its connection listens again and asks everyone here to look again", async () => {
    const a = channel();
    const b = channel();
    await Promise.all([a.c.listening(), b.c.listening()]);
    // the database ends b's connection (a restart of PostgreSQL, a network cut)
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, [`dam-changes-test-${run}`]);
    await admin.end();
    await until(() => b.received.some((m) => m.kind === "resync"), 10_000);
    await until(() => a.received.some((m) => m.kind === "resync"), 10_000);
    a.c.send({ kind: "write", tables: ["Academy"] });
    await until(() => b.received.some((m) => m.kind === "write"));
    await Promise.all([a.c.close(), b.c.close()]);
  });
});

describe("kept figures and writes made elsewhere", () => {
  it("forgets a kept figure when another process says its table was written", async () => {
    let computed = 0;
    const count = () => keptRead("bus-test", ["Team"], async () => ++computed);
    expect(await count()).toBe(1);
    expect(await count()).toBe(1);
    receivedFromElsewhere({ kind: "write", tables: ["Academy"] });
    expect(await count()).toBe(1);
    receivedFromElsewhere({ kind: "write", tables: ["Team"] });
    expect(await count()).toBe(2);
    receivedFromElsewhere({ kind: "resync" });
    expect(await count()).toBe(3);
  });
});
