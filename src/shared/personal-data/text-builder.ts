function isCollapsible(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

/**
 * Collects text the way HTML renders it: runs of white space become one space, line breaks
 * swallow the spaces around them, and at most one empty line stands between paragraphs.
 * Text between white space that needs no change is copied as one slice.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private pendingSpace = false;
  private newlines = 0;
  private empty = true;

  text(value: string): void {
    let segment = -1;
    let i = 0;
    while (i < value.length) {
      if (!isCollapsible(value.charCodeAt(i))) {
        if (segment === -1) segment = i;
        i++;
        continue;
      }
      // A single plain space between two visible characters stays inside the segment.
      const single =
        value.charCodeAt(i) === 32 &&
        segment !== -1 &&
        i + 1 < value.length &&
        !isCollapsible(value.charCodeAt(i + 1));
      if (single) {
        i++;
        continue;
      }
      if (segment !== -1) this.segment(value.slice(segment, i));
      segment = -1;
      while (i < value.length && isCollapsible(value.charCodeAt(i))) i++;
      this.pendingSpace = true;
    }
    if (segment !== -1) this.segment(value.slice(segment));
  }

  /** `hard` for <br>: every one counts; block boundaries collapse into one break. */
  lineBreak(hard: boolean): void {
    this.pendingSpace = false;
    if (this.empty) return;
    if (hard ? this.newlines >= 2 : this.newlines >= 1) return;
    this.parts.push("\n");
    this.newlines++;
  }

  private segment(value: string): void {
    if (this.pendingSpace && !this.empty && this.newlines === 0) this.parts.push(" ");
    this.pendingSpace = false;
    this.parts.push(value);
    this.newlines = 0;
    this.empty = false;
  }

  toString(): string {
    let end = this.parts.length;
    while (end > 0 && this.parts[end - 1] === "\n") end--;
    return this.parts.slice(0, end).join("");
  }
}
