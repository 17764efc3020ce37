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

let last:
  (ReadBody & { html: string; unclosed: "swallow" | "reread"; differs: boolean }) | undefined;

/**
 * The tokens of `html`: as a browser reads a comment or raw-text element that never ends
 * ("swallow", the block engine) or with its opener read as text ("reread", the scanner). With
 * nothing left unclosed, both ways read the same tokens.
 */
export function readBody(html: string, unclosed: "swallow" | "reread" = "swallow"): ReadBody {
  if (last !== undefined && last.html === html && (last.unclosed === unclosed || !last.differs))
    return last;
  const info: TokenizeInfo = { swallowFrom: -1, unclosed: false };
  const tokens = tokenize(html, { unclosed }, info);
  last = { html, unclosed, differs: info.unclosed, tokens, swallowFrom: info.swallowFrom };
  return last;
}
