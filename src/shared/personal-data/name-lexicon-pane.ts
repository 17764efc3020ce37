import {
  MORE_COMMON_WORD_NAMES,
  MORE_GIVEN_NAMES,
  MORE_PLACES,
  MORE_SURNAME_LIKE_WORDS,
} from "./name-lexicon-full";
import { extendNameLexicon } from "./name-lexicon";
import { TEST_NUMBER_LIST } from "./test-number-list";
import { installTestNumberList } from "./test-numbers";

let loaded = false;

/**
 * Gives the scanner every given name in SCB's lists (about 23,000 more than the core list) and
 * every locality of the gazetteer. For the task pane's engine chunk, which has no tight size
 * budget; the send check does without. Skatteverket's whole list of test personnummer comes
 * along (the pane's one lazily loaded set of long lists; test-numbers.ts says why not earlier).
 */
export function loadFullNameLexicon(): void {
  if (loaded) return;
  loaded = true;
  installTestNumberList(TEST_NUMBER_LIST);
  extendNameLexicon({
    given: MORE_GIVEN_NAMES,
    common: MORE_COMMON_WORD_NAMES,
    surnameLike: MORE_SURNAME_LIKE_WORDS,
    places: MORE_PLACES,
  });
}
