// The send check asks several questions of one body (is our block there and unchanged, what
// personal data is in it, and outside our block): each reader asks here, so the body is
// tokenized once per check, not once per question. Only the last body is kept; strings are
// immutable, so an equal string always has the same tokens.
import { type Token, type TokenizeInfo, tokenize } from "./tokenizer";

export interface ReadBody {
  tokens: readonly Token[];
  /** See `TokenizeInfo.swallowFrom`. */
  swallowFrom: number;
}

let lastHtml: string | undefined;
let swallowed: ReadBody | undefined;
let reread: ReadBody | undefined;

function read(html: string, unclosed: "swallow" | "reread"): ReadBody {
  const info: TokenizeInfo = { swallowFrom: -1, unclosed: false };
  const tokens = tokenize(html, { unclosed }, info);
  const body = { tokens, swallowFrom: info.swallowFrom };
  // With nothing left unclosed both ways read the same tokens.
  if (!info.unclosed) {
    swallowed = body;
    reread = body;
  } else if (unclosed === "swallow") swallowed = body;
  else reread = body;
  return body;
}

/**
 * The tokens of `html`: as a browser reads a comment or raw-text element that never ends
 * ("swallow", the block engine) or with its opener read as text ("reread", the scanner).
 */
export function readBody(html: string, unclosed: "swallow" | "reread" = "swallow"): ReadBody {
  if (html !== lastHtml) {
    lastHtml = html;
    swallowed = undefined;
    reread = undefined;
  }
  const known = unclosed === "swallow" ? swallowed : reread;
  return known ?? read(html, unclosed);
}
