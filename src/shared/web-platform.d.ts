// The shared core compiles with no DOM and no Node types (it runs in the pane, the JavaScript-only
// launch-event runtime and Node alike), so a browser or Node API cannot slip in. The WHATWG URL
// parser is the one platform API all three runtimes have and the core needs: only what it reads.
declare global {
  class URL {
    constructor(url: string, base?: string);
    readonly protocol: string;
    readonly username: string;
    readonly password: string;
    readonly host: string;
    readonly hostname: string;
    readonly port: string;
    readonly href: string;
  }
}

export {};
