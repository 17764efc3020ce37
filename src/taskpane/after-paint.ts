/**
 * Runs `work` after the browser has painted the current frame: background reads (warnings, the
 * other language's text) must not delay what the user is waiting to see. Returns a canceller.
 */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
