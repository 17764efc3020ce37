// The production build refuses development code: a bundle that pulls in the harness (src/dev), an
// emulator or Swagger UI, or an asset named harness*, fails the build instead of reaching dist/.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import { afterAll, describe, expect, it } from "vitest";
import { DevCodeGuardPlugin } from "../../scripts/build/dev-code-guard.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), "svm-guard-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(
  entrySource: string,
  extraAsset?: string,
  externals?: webpack.Configuration["externals"],
): Promise<string[]> {
  const entry = path.join(work, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, entrySource);
  const compiler = webpack({
    mode: "production",
    context: root,
    entry,
    output: { path: path.join(work, "out"), filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    ...(externals ? { externals, externalsType: "commonjs" as const } : {}),
    module: {
      rules: [
        { test: /\.ts$/, loader: "esbuild-loader", options: { loader: "ts", target: "es2020" } },
      ],
    },
    plugins: [
      new DevCodeGuardPlugin(),
      ...(extraAsset
        ? [
            {
              apply(c: webpack.Compiler) {
                c.hooks.thisCompilation.tap("extra", (compilation) =>
                  compilation.hooks.processAssets.tap("extra", () =>
                    compilation.emitAsset(extraAsset, new c.webpack.sources.RawSource("x")),
                  ),
                );
              },
            },
          ]
        : []),
    ],
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      resolve((stats?.compilation.errors ?? []).map((e) => e.message));
    }),
  );
}

describe("the production build's guard", { timeout: 120_000 }, () => {
  it("passes a bundle of the add-in's own code", async () => {
    const shared = path.join(root, "src/shared/contract/headers.ts");
    expect(
      await build(
        `import { IdempotencyKey } from ${JSON.stringify(shared)}; console.log(IdempotencyKey);`,
      ),
    ).toEqual([]);
  });

  it("fails a bundle that contains the harness or an emulator", async () => {
    const harness = path.join(root, "src/dev/harness/store/errors.ts");
    const errors = await build(
      `import { OFFICE_ERRORS } from ${JSON.stringify(harness)}; console.log(OFFICE_ERRORS);`,
    );
    expect(errors.join("\n")).toMatch(/development code src\/dev\/harness\/store\/errors\.ts/);
  });

  it("fails a bundle that contains or imports Swagger UI (a devDependency)", async () => {
    const pattern = /development package @fastify\/swagger-ui/;
    const file = path.join(root, "node_modules/@fastify/swagger-ui/lib/index-html.js");
    const bundled = `import page from ${JSON.stringify(file)}; console.log(page);`;
    expect((await build(bundled)).join("\n")).toMatch(pattern);
    // As the service's build has it: node_modules stay external imports.
    const imported = `import ui from "@fastify/swagger-ui"; console.log(ui);`;
    expect((await build(imported, undefined, ["@fastify/swagger-ui"])).join("\n")).toMatch(pattern);
  });

  it("fails a build that emits a harness file", async () => {
    const errors = await build("console.log(1);", "harness/office.js");
    expect(errors.join("\n")).toMatch(/development harness: harness\/office\.js/);
  });
});
