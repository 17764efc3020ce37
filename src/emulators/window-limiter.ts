import { type Clock } from "./clock";

export interface WindowLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Fixed-window request counter per key (a Management Node, an app id). */
export class WindowLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private settings: WindowLimit,
    private readonly now: Clock,
  ) {}

  configure(settings: WindowLimit): void {
    this.settings = settings;
    this.windows.clear();
  }

  get current(): WindowLimit {
    return { ...this.settings };
  }

  take(key: string): Admission {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.settings.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count <= this.settings.limit) return { ok: true };
    const retryAfterMs = window.start + this.settings.windowMs - now;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  reset(): void {
    this.windows.clear();
  }
}
