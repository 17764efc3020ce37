import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchClientConfig } from "../../../src/taskpane/auth/client-config";
import { DialogMessage } from "../../../src/taskpane/auth/dialog-message";
import { emulatorUser } from "../../../src/taskpane/auth/emulator";
import { memoize } from "../../../src/taskpane/auth/token-cache";
import { createTokenSource } from "../../../src/taskpane/auth/token-source";
import { type RecordingServer, startRecordingServer } from "../support/recording-server";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const deps = {
  userEmail: "anna.andersson@region.se",
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  naaSupported: false,
  openDialog: null,
  dialogUrl: "https://localhost/signin-dialog.html",
};

describe("sign-in in the embedded default (Entra ID emulator)", () => {
  it("asks for the local part of the Outlook address and uses the access token it gets", async () => {
    let n = 0;
    server.respond(() => ({
      status: 200,
      body: { access_token: `token-${++n}`, oid: "o", tid: "t", expires_in: 3600 },
    }));
    const getToken = createTokenSource(
      {
        signIn: {
          kind: "emulator",
          tokenUrl: `${server.url}/_emulator/users/token`,
          scopes: ["api://svm/Meetings"],
        },
        apiBaseUrl: "/api/v1",
        joinHosts: ["vmr.region.example"],
        organisationDomains: [],
        consumerEmailDomains: [],
      },
      deps,
    );
    expect(await getToken(false)).toBe("token-1");
    expect(await getToken(false)).toBe("token-1");
    expect(await getToken(true)).toBe("token-2");
    expect(server.requests.map((r) => r.body)).toEqual([
      { user: "anna.andersson" },
      { user: "anna.andersson" },
    ]);
    expect(server.requests[0]?.method).toBe("POST");
  });

  it("takes the local part, and a fallback for an empty address", () => {
    expect(emulatorUser("karl.nilsson@region.se")).toBe("karl.nilsson");
    expect(emulatorUser("")).toBe("user");
  });
});

describe("the token cache (memory only)", () => {
  it("shares one fetch between parallel callers and renews a minute before expiry", async () => {
    let now = 0;
    let fetches = 0;
    const get = memoize(
      async () => ({ value: `t${++fetches}`, expiresAt: now + 120_000 }),
      () => now,
    );
    expect(await Promise.all([get(false), get(false)])).toEqual(["t1", "t1"]);
    now = 59_000;
    expect(await get(false)).toBe("t1");
    now = 61_000;
    expect(await get(false)).toBe("t2");
    expect(fetches).toBe(2);
  });
});

describe("the client config and the dialog's message", () => {
  it("parses the client config with the contract", async () => {
    server.respond(() => ({
      status: 200,
      body: {
        signIn: {
          kind: "msal",
          clientId: "c",
          authority: "https://login.microsoftonline.com/t",
          scopes: ["api://x/y"],
        },
        apiBaseUrl: "/api/v1",
        organisationDomains: ["region.se"],
        consumerEmailDomains: ["gmail.com"],
        joinHosts: ["vmr.region.se"],
      },
    }));
    const config = await fetchClientConfig(
      (i, init) => fetch(i, init),
      `${server.url}/api/v1/client-config`,
    );
    expect(config.signIn.kind).toBe("msal");
  });

  it("refuses a client config that does not match", async () => {
    server.respond(() => ({ status: 200, body: { signIn: { kind: "none" } } }));
    await expect(
      fetchClientConfig((i, init) => fetch(i, init), `${server.url}/api/v1/client-config`),
    ).rejects.toMatchObject({ code: "bad_response" });
  });

  it("accepts an access token or an error from the dialog, nothing else", () => {
    expect(DialogMessage.safeParse({ accessToken: "a", expiresOn: 1 }).success).toBe(true);
    expect(DialogMessage.safeParse({ error: "user_cancelled" }).success).toBe(true);
    expect(DialogMessage.safeParse({ idToken: "a" }).success).toBe(false);
  });
});
