// Builds src/commands/launchevent.ts exactly as the launch-event bundle is built (one IIFE,
// ES2017, origin defined) and runs it in a bare node:vm context: no DOM, no storage, no location.
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import type { FakeOffice } from "./fake-office";

const entry = fileURLToPath(new URL("../../../src/commands/launchevent.ts", import.meta.url));
export const BUILT_ORIGIN = "https://vardmote.example.se";

let cached: string | null = null;
export function launchEventBundle(): string {
  cached ??= buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2017",
    minify: true,
    define: { __ADDIN_ORIGIN__: JSON.stringify(BUILT_ORIGIN) },
  }).outputFiles[0]!.text;
  return cached;
}

/** Names a browser page has and the JavaScript-only runtime lacks; touching one fails the test. */
// (`navigator` is left undefined, not trapped: zod probes `typeof navigator` to detect runtimes that forbid eval.)
const FORBIDDEN = [
  "document",
  "window",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "DOMParser",
  "XMLHttpRequest",
  "self",
  "caches",
];

export interface FetchCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeFetch = (call: FetchCall) => { status: number; json: unknown };

export interface Runtime {
  run(name: string): Promise<Record<string, unknown> | undefined>;
  fetches: FetchCall[];
  touched: string[];
}

export function loadBundle(
  office: FakeOffice,
  answer: FakeFetch = () => ({ status: 599, json: null }),
): Runtime {
  const fetches: FetchCall[] = [];
  const touched: string[] = [];
  const context: Record<string, unknown> = {
    Office: office.Office,
    setTimeout,
    clearTimeout,
    fetch: async (
      url: string,
      init: { method?: string; headers?: Record<string, string>; body?: string } = {},
    ) => {
      const call = {
        url,
        method: init.method ?? "GET",
        headers: init.headers ?? {},
        body: init.body ? JSON.parse(init.body) : undefined,
      };
      fetches.push(call);
      const { status, json } = answer(call);
      return { ok: status >= 200 && status < 300, status, json: async () => json };
    },
  };
  for (const name of FORBIDDEN) {
    Object.defineProperty(context, name, {
      get() {
        touched.push(name);
        throw new ReferenceError(`${name} is not defined in the JavaScript-only runtime`);
      },
    });
  }
  vm.runInNewContext(launchEventBundle(), vm.createContext(context), { timeout: 5000 });
  return {
    fetches,
    touched,
    run: (name) =>
      new Promise((resolve, reject) => {
        const fn = office.associated.get(name);
        if (!fn) return reject(new Error(`${name} is not associated`));
        const timer = setTimeout(
          () => reject(new Error(`${name} never called event.completed`)),
          10_000,
        );
        fn({
          completed: (options?: Record<string, unknown>) => {
            clearTimeout(timer);
            resolve(options);
          },
        });
      }),
  };
}
