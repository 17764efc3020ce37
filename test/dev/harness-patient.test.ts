// "Simulera att patienten ansluter": the harness's dev route makes a guest join the real Pexip
// emulator's VMR by alias and wait; bad input and unknown aliases get plain answers.
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerHarnessRoutes, SIMULATED_PATIENT_NAME } from "../../src/dev/harness-routes";
import { pexipAliasIn } from "../../src/dev/harness/page/patient";
import { startPexipEmulator, type PexipEmulator } from "../../src/emulators";

let pexip: PexipEmulator;
let app: FastifyInstance;
let alias: string;

beforeAll(async () => {
  pexip = await startPexipEmulator({ port: 0 });
  const auth = `Basic ${Buffer.from(`${pexip.basic!.username}:${pexip.basic!.password}`).toString("base64")}`;
  const res = await fetch(`${pexip.url}/api/admin/configuration/v1/conference/`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify({ name: "svm-harness-test", aliases: [{ alias: "9912345678" }] }),
  });
  expect(res.status).toBe(201);
  alias = "9912345678";
  app = Fastify();
  registerHarnessRoutes(app, {
    distDir: "/nonexistent",
    harnessDir: "/nonexistent",
    callers: pexip,
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await pexip?.close();
});

describe("the simulated patient", () => {
  it("joins the VMR by alias as a waiting guest", async () => {
    const res = await app.inject({ method: "POST", url: "/harness/patient", payload: { alias } });
    expect(res.statusCode).toBe(201);
    const [call] = pexip.state().live.flatMap((c) => c.participants);
    expect(call).toMatchObject({
      id: res.json().id,
      role: "guest",
      is_on_hold: true,
      display_name: SIMULATED_PATIENT_NAME,
    });
  });

  it("answers 400 for a malformed alias and 404 for an unknown one", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/harness/patient",
      payload: { alias: "x" },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await app.inject({
      method: "POST",
      url: "/harness/patient",
      payload: { alias: "9900000000" },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("finds the alias in a Pexip join link in the body", () => {
    expect(
      pexipAliasIn('<a href="https://node.example/webapp/m/9912345678/step-by-step?role=guest">'),
    ).toBe("9912345678");
    expect(pexipAliasIn("<p>Ingen länk</p>")).toBeNull();
  });
});
