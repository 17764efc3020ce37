/**
 * Finds `needle` from `from` onwards, remembering the last answer per needle so that repeated
 * searches from increasing offsets cost linear time in total, even on 1 MB of unterminated
 * comments or "<" characters.
 */
export class ForwardSearch {
  private readonly last = new Map<string, number>();

  constructor(private readonly haystack: string) {}

  indexOf(needle: string, from: number): number {
    const known = this.last.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = this.haystack.indexOf(needle, from);
    this.last.set(needle, found);
    return found;
  }
}
