// Fails a production build whose output holds development code: the Outlook harness (its fake
// Office.js would let anyone drive the pane without Outlook), the emulators (a fake Entra ID
// that signs tokens) or a development-only package (Swagger UI), bundled or imported. Production bundles are what `npm run build` writes to dist/ and a region
// deploys; the harness is built on its own into dist-dev/ (`npm run build:harness`).
import path from "node:path";

const DEV_SOURCES = [
  `${path.sep}src${path.sep}dev${path.sep}`,
  `${path.sep}src${path.sep}emulators${path.sep}`,
];
const DEV_ASSET = /(^|\/)harness/i;
/** devDependencies the service may use in development only (never installed in production). */
const DEV_PACKAGES = ["@fastify/swagger-ui"];

export class DevCodeGuardPlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap("DevCodeGuardPlugin", (compilation) => {
      const { WebpackError } = compiler.webpack;
      for (const module of compilation.modules) {
        const devPackage = DEV_PACKAGES.find(
          (name) =>
            module.userRequest === name ||
            module.resource?.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`),
        );
        if (devPackage)
          compilation.errors.push(
            new WebpackError(`production build contains the development package ${devPackage}`),
          );
        const resource = module.resource ?? module.rootModule?.resource;
        const inner = module.modules?.map((m) => m.resource) ?? [];
        for (const file of [resource, ...inner]) {
          if (file && DEV_SOURCES.some((dir) => file.includes(dir)))
            compilation.errors.push(
              new WebpackError(
                `production build contains development code ${path.relative(compiler.context, file)} (the harness and emulators are never deployed)`,
              ),
            );
        }
      }
      for (const name of Object.keys(compilation.assets))
        if (DEV_ASSET.test(name))
          compilation.errors.push(
            new WebpackError(`production build contains the development harness: ${name}`),
          );
    });
  }
}
