import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkManifest } from "../../scripts/manifest/check";
import { distIconSize, registeredLaunchFunctions } from "../../scripts/manifest/build-inputs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = mkdtempSync(path.join(tmpdir(), "svm-build-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function build(...args: string[]) {
  return spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--output-path",
      out,
      ...args,
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ADDIN_ORIGIN: "" },
    },
  );
}

// A whole production webpack build: ~20 s on an idle 2-core machine, far more when it is busy.
describe("npm run build with a production origin", { timeout: 240_000 }, () => {
  it("writes that origin into every manifest URL and the launch-event allow-list", () => {
    const result = build("--env", "origin=https://vardmote.example.se");
    expect(result.status, result.stderr + result.stdout).toBe(0);
    for (const file of [
      "taskpane.html",
      "commands.html",
      "launchevent.js",
      "support.html",
      "assets/icon-16.png",
      "assets/icon-128.png",
    ]) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(
      checkManifest(manifest, {
        origin: "https://vardmote.example.se",
        iconSize: distIconSize(out),
        registeredFunctions: registeredLaunchFunctions(
          readFileSync(path.join(out, "launchevent.js"), "utf8"),
        ),
      }),
    ).toEqual([]);
    expect(
      JSON.parse(
        readFileSync(path.join(out, ".well-known/microsoft-officeaddins-allowed.json"), "utf8"),
      ),
    ).toEqual({
      allowed: ["https://vardmote.example.se/launchevent.js"],
    });
    const commands = readFileSync(path.join(out, "commands.html"), "utf8");
    expect(commands).toContain(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    );
    expect(commands).toContain('<script src="/launchevent.js"></script>');
  });

  it("refuses an origin that is not https, with a message that says what is expected", () => {
    const result = build("--env", "origin=http://vardmote.example.se");
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toContain("must be an https origin without path");
  });
});
