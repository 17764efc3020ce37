// Builds the add-in's pages into dist/: the task pane, the commands page (web runtime of the
// launch events), the single self-contained launch-event file (classic Outlook's JavaScript-only
// runtime), the icons, and the manifest with the production origin written in.
//
//   npm run build                                        dev origin https://localhost:3000
//   npm run build -- --env origin=https://vardmote.example.se
//   ADDIN_ORIGIN=https://vardmote.example.se npm run build
//   … --env apiAppId=<GUID>: WebApplicationInfo for the launch events' SSO (docs/deploy.md)
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import webpack from "webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";

import { DevCodeGuardPlugin } from "./scripts/build/dev-code-guard.js";
import { resolveApiAppId, withWebApplicationInfo } from "./scripts/build/web-application-info.js";

const require = createRequire(import.meta.url);
const { EsbuildPlugin } = require("esbuild-loader");
const esbuild = require("esbuild");
const { minify: terserMinify } = require("terser");
const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The origin the manifest and allow-list point at; only an https origin without a path. */
function resolveOrigin(env) {
  const value = env.origin || process.env.ADDIN_ORIGIN || DEV_ORIGIN;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`origin "${value}" is not a URL (expected e.g. https://vardmote.example.se)`);
  }
  if (url.protocol !== "https:" || url.pathname !== "/" || url.search || url.hash) {
    throw new Error(
      `origin "${value}" must be an https origin without path, e.g. https://vardmote.example.se`,
    );
  }
  return url.origin;
}

const tsRule = (target) => ({
  test: /\.tsx?$/,
  loader: "esbuild-loader",
  options: { loader: "tsx", target, jsx: "automatic" },
});

function addinConfig(env, argv) {
  const origin = resolveOrigin(env);
  const apiAppId = resolveApiAppId(env);
  const production = argv.mode !== "development";
  return {
    name: "addin",
    target: "web",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // The sign-in dialog fallback (Office dialog API, same origin as the pane).
      "signin-dialog": "./src/taskpane/signin/signin-dialog.ts",
    },
    output: {
      path: path.join(root, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "/",
      clean: { keep: /^(server|launchevent\.js)/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule("es2020")] },
    optimization: { minimizer: [new EsbuildPlugin({ target: "es2020", css: true })] },
    performance: { hints: false },
    plugins: [
      new DevCodeGuardPlugin(),
      new LaunchEventPlugin(origin, production),
      // The pane needs zod's default English messages only (see the shim for why).
      new (require("webpack").NormalModuleReplacementPlugin)(
        /^\.\.\/locales\/index\.js$/,
        (resource) => {
          if (/[\\/]zod[\\/]v4[\\/](classic|core)$/.test(resource.context)) {
            resource.request = path.join(root, "src/taskpane/build/zod-locales-en.ts");
          }
        },
      ),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs: OFFICE_JS },
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "signin-dialog.html",
        template: "./src/taskpane/signin/signin-dialog.html",
        chunks: ["signin-dialog"],
        templateParameters: { officeJs: OFFICE_JS },
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        inject: false,
        templateParameters: { officeJs: OFFICE_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              withWebApplicationInfo(
                content.toString("utf8").replaceAll(DEV_ORIGIN, origin),
                origin,
                apiAppId,
              ),
          },
          {
            // Classic Outlook's JavaScript-only runtime gets CORS and SSO only for files listed here.
            from: "manifest.xml",
            to: ".well-known/microsoft-officeaddins-allowed.json",
            transform: () =>
              JSON.stringify({ allowed: [`${origin}/launchevent.js`] }, null, 2) + "\n",
          },
        ],
      }),
    ],
  };
}

/**
 * The launch-event file: one self-contained script (no imports, no chunks, no module loader),
 * bundled by esbuild inside this build. Webpack keeps zod's side-effect-flagged modules and locale
 * namespaces that esbuild tree-shakes away: 44 KB gzip against esbuild's 31 KB, and the budget is
 * 40 KB. test/commands and the manifest check build it with the same options.
 */
class LaunchEventPlugin {
  constructor(origin, production) {
    this.options = {
      entryPoints: [path.join(root, "src/commands/launchevent.ts")],
      bundle: true,
      write: false,
      format: "iife",
      target: "es2017",
      minify: production,
      metafile: true,
      // Classic Outlook's JavaScript-only runtime has no page origin: the service's comes from here.
      define: { __ADDIN_ORIGIN__: JSON.stringify(origin) },
    };
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LaunchEventPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "LaunchEventPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const result = await esbuild.build(this.options);
          for (const input of Object.keys(result.metafile.inputs)) {
            compilation.fileDependencies.add(path.resolve(root, input));
          }
          // esbuild bundles and tree-shakes best; terser's second compress pass then shrinks the
          // result by a further ~1.4 KB gzip (inlining and dead-branch removal esbuild's single
          // pass leaves), which the 40 KiB launch-event budget needs. Both keep to ES2017.
          let text = result.outputFiles[0].text;
          if (this.options.minify) {
            const minified = await terserMinify(text, {
              ecma: 2017,
              compress: { passes: 2 },
              mangle: true,
              format: { ecma: 2017 },
            });
            text = minified.code;
          }
          // Already minified for ES2017: the pane's ES2020 minimizer must leave it alone.
          compilation.emitAsset("launchevent.js", new webpack.sources.RawSource(text), {
            minimized: true,
          });
        },
      );
    });
  }
}

/**
 * The Outlook harness (development only: `npm run build:harness`, which `npm start` and `npm test`
 * run): the page script and the fake Office.js that stands in for Microsoft's in the pane's and
 * the commands page's iframes. Written to dist-dev/, never into the deployable dist/.
 */
function harnessConfig(_env, argv) {
  const production = argv.mode !== "development";
  return {
    name: "harness",
    target: "web",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      "harness/harness": "./src/dev/harness/page/main.ts",
      "harness/office": "./src/dev/harness/office-entry.ts",
    },
    output: {
      path: path.join(root, "dist-dev"),
      filename: "[name].js",
      publicPath: "/",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRule("es2020")] },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      minimizer: [new EsbuildPlugin({ target: "es2020" })],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "harness.html",
        template: "./src/dev/harness/harness.html",
        chunks: ["harness/harness"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "src/dev/harness/harness.css", to: "harness/harness.css" }],
      }),
    ],
  };
}

/**
 * The booking service: `node dist/server/server.js`. One ES module file; node_modules stay
 * external (installed with `npm ci --omit=dev` beside it), node: built-ins too.
 */
function serverConfig(_env, argv) {
  const production = argv.mode !== "development";
  return {
    name: "server",
    target: "node20",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    // The operator's command (`node dist/server/admin.js needs-attention`) ships beside it.
    entry: { server: "./src/server/server.ts", admin: "./src/server/admin/cli.ts" },
    experiments: { outputModule: true },
    output: {
      path: path.join(root, "dist", "server"),
      filename: "[name].js",
      module: true,
      chunkFormat: "module",
      library: { type: "module" },
      clean: true,
    },
    externalsPresets: { node: true },
    externalsType: "module",
    externals: [
      ({ request }, callback) =>
        request && !request.startsWith(".") && !path.isAbsolute(request)
          ? callback(null, request)
          : callback(),
    ],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        tsRule("node20"),
        // src/shared is pure by design: what the server does not use (the personal-data
        // scanner) stays out of its bundle and its memory.
        { test: /[\\/]src[\\/]shared[\\/]/, sideEffects: false },
      ],
    },
    // Readable stack traces in production logs matter more than a few kilobytes.
    optimization: { minimize: false },
    performance: { hints: false },
    plugins: [
      new DevCodeGuardPlugin(),
      // Swagger UI is for development (tsx, npm start): a built service has none, and a deployed
      // one has no devDependencies to load it from.
      new webpack.NormalModuleReplacementPlugin(/^\.\/swagger-ui$/, (resource) => {
        if (/[\\/]src[\\/]server[\\/]routes$/.test(resource.context))
          resource.request = "./swagger-ui.production";
      }),
    ],
  };
}

// `npm run build`: the deployable add-in and service. `--env harness`: the development harness.
export default (env, argv) =>
  env.harness ? [harnessConfig(env, argv)] : [addinConfig(env, argv), serverConfig(env, argv)];
