// What a handler answers. `action` covers the two fault outcomes that are not an HTTP answer
// at all: a connection that never answers and one that is cut without a response.
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  action?: "hang" | "drop";
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(value),
  };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers };
}

export function html(status: number, text: string): Reply {
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: text };
}

export function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

/** Escapes text for HTML element and attribute content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
