import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator } from "../../src/emulators";
import { CONF, pexip } from "./helpers";

let emu: PexipEmulator;
let api: ReturnType<typeof pexip>;

interface ListBody {
  meta: {
    limit: number;
    offset: number;
    next: string | null;
    previous: string | null;
    total_count: number;
  };
  objects: Array<{ id: number; name: string; tag: string }>;
}

beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0 });
  api = pexip(emu.url);
  for (let i = 1; i <= 25; i++) {
    const name = i <= 12 ? `svm-care-${String(i).padStart(3, "0")}` : `other-${i}`;
    await api("POST", CONF, { name, tag: i % 2 === 0 ? "svm" : "x" });
  }
});
afterAll(() => emu.close());

describe("Pexip list pagination and filters", () => {
  it("pages 20 at a time by default with meta.next and total_count", async () => {
    const first = (await api("GET", CONF)).body as ListBody;
    expect(first.meta).toEqual({
      limit: 20,
      offset: 0,
      next: `${CONF}?limit=20&offset=20`,
      previous: null,
      total_count: 25,
    });
    expect(first.objects.map((o) => o.id)).toEqual([...Array(20).keys()].map((i) => i + 1));
    const second = (await api("GET", first.meta.next!)).body as ListBody;
    expect(second.meta).toMatchObject({
      offset: 20,
      next: null,
      previous: `${CONF}?limit=20&offset=0`,
    });
    expect(second.objects.map((o) => o.id)).toEqual([21, 22, 23, 24, 25]);
  });

  it("honours limit and offset, and limit=0 returns everything", async () => {
    const page = (await api("GET", `${CONF}?limit=5&offset=10`)).body as ListBody;
    expect(page.objects.map((o) => o.id)).toEqual([11, 12, 13, 14, 15]);
    expect(page.meta.next).toBe(`${CONF}?limit=5&offset=15`);
    const all = (await api("GET", `${CONF}?limit=0`)).body as ListBody;
    expect(all.objects).toHaveLength(25);
    expect(all.meta.next).toBeNull();
  });

  it("rejects a bad limit or offset with 400", async () => {
    expect((await api("GET", `${CONF}?limit=-1`)).status).toBe(400);
    expect((await api("GET", `${CONF}?limit=ten`)).status).toBe(400);
    expect((await api("GET", `${CONF}?offset=-5`)).status).toBe(400);
  });

  it("filters by tag, name and name__startswith, and keeps filters in meta.next", async () => {
    const tagged = (await api("GET", `${CONF}?tag=svm&limit=5`)).body as ListBody;
    expect(tagged.meta.total_count).toBe(12);
    expect(tagged.objects.every((o) => o.tag === "svm")).toBe(true);
    expect(tagged.meta.next).toBe(`${CONF}?tag=svm&limit=5&offset=5`);
    const byName = (await api("GET", `${CONF}?name=svm-care-003`)).body as ListBody;
    expect(byName.objects.map((o) => o.id)).toEqual([3]);
    const prefix = (await api("GET", `${CONF}?name__startswith=svm-care-`)).body as ListBody;
    expect(prefix.meta.total_count).toBe(12);
    const both = (await api("GET", `${CONF}?name__startswith=svm-care-&tag=svm`)).body as ListBody;
    expect(both.objects.map((o) => o.id)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it("ignores parameters that are not fields, refuses fields that do not allow filtering", async () => {
    const ignored = (await api("GET", `${CONF}?colour=blue`)).body as ListBody;
    expect(ignored.meta.total_count).toBe(25);
    const view = await api("GET", `${CONF}?host_view=one_main_zero_pips`);
    expect(view.status).toBe(400);
    expect(view.body).toEqual({ error: "The 'host_view' field does not allow filtering." });
    expect((await api("GET", `${CONF}?name__regex=.*`)).status).toBe(400);
  });
});
