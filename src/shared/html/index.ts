// The one HTML reader of the shared core: the invitation block engine, the personal-data
// scanner and the Outlook harness read a body through it, so they see the same text.
export { attributes, getAttribute, type Attribute } from "./attributes";
export { decodeCharRefs, numericCharacter, readCharRef, type CharRef } from "./char-refs";
export {
  BLOCK_ELEMENTS,
  CELL_ELEMENTS,
  HIDDEN_ELEMENTS,
  RAWTEXT_ELEMENTS,
  RCDATA_ELEMENTS,
  VOID_ELEMENTS,
} from "./elements";
export { tokenize, type Token, type TokenizeInfo, type TokenizeOptions } from "./tokenizer";
