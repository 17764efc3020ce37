// Build shim: zod's classic API re-exports all ~40 of its error-message locales (≈ 260 KB
// minified) although the pane only ever uses the default English one, which zod installs at
// import. webpack swaps zod's locales index for this file in the pane's bundle only.
export { default as en } from "zod/v4/locales/en.js";
