function isCollapsible(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

/**
 * Collects text the way HTML renders it: runs of white space become one space, line breaks
 * swallow the spaces around them, and at most one empty line stands between paragraphs.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private pendingSpace = false;
  private newlines = 0;
  private empty = true;

  text(value: string): void {
    let runStart = -1;
    for (let i = 0; i <= value.length; i++) {
      const white = i === value.length || isCollapsible(value.charCodeAt(i));
      if (!white && runStart === -1) runStart = i;
      if (white && runStart !== -1) {
        this.word(value.slice(runStart, i));
        runStart = -1;
      }
      if (white && i < value.length) this.pendingSpace = true;
    }
  }

  /** `hard` for <br>: every one counts; block boundaries collapse into one break. */
  lineBreak(hard: boolean): void {
    this.pendingSpace = false;
    if (this.empty) return;
    if (hard ? this.newlines >= 2 : this.newlines >= 1) return;
    this.parts.push("\n");
    this.newlines++;
  }

  private word(value: string): void {
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
