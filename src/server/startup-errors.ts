// Start-up failures as the person starting the service must read them: what went wrong, and
// what to change. Used by server.ts (production) and src/dev/start.ts (npm start).

/** What listens on a port, and the setting that moves it ("the booking service", "PORT=…"). */
export interface PortOwner {
  what: string;
  change: string;
}

type SystemError = NodeJS.ErrnoException & { port?: number; address?: string };

/**
 * A sentence naming the port, file or setting to fix, or undefined for errors this cannot
 * explain (those are printed whole).
 */
export function explainStartupError(
  err: unknown,
  ports: Readonly<Record<number, PortOwner>> = {},
): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const e = err as SystemError;
  if (e.code === "EADDRINUSE" && typeof e.port === "number") {
    const owner = ports[e.port];
    const what = owner ? ` (${owner.what})` : "";
    const change = owner ? `, or ${owner.change}` : "";
    return `port ${e.port}${what} is taken by another program. Stop what runs there (\`ss -ltnp 'sport = :${e.port}'\` shows it)${change}.`;
  }
  if (e.code === "EACCES" && typeof e.port === "number")
    return `port ${e.port} needs privileges this user lacks: choose a port above 1023, or run behind a proxy.`;
  if ((e.code === "EACCES" || e.code === "EPERM" || e.code === "EROFS") && e.path)
    return `cannot write ${e.path} (${e.code}): give this user write access to it, or choose another location.`;
  if ((e.code === "ENOTDIR" || e.code === "EEXIST") && e.path)
    return `cannot create ${e.path}: a file is in the way of that directory. Move it, or choose another location.`;
  if (e.code === "ENOENT" && e.path) return `${e.path} does not exist (${e.syscall ?? "open"}).`;
  return undefined;
}
