/**
 * Fenced code blocks (``` or ~~~, CommonMark rules): which lines belong to one, so that a `#`
 * comment in a shell snippet is never a heading and `a::b` in code is never a card.
 */

export interface FenceScan {
  /** code[i] is true for the opening fence, the code lines and the closing fence. */
  code: boolean[];
  /** 0-based index of a fence that was never closed (it runs to the end of the file). */
  unclosedAt?: number;
}

interface Fence { char: string; length: number }

/** Marks fenced lines from `start` on; lines before `start` (front matter) are left false. */
export function scanFences(lines: string[], start = 0): FenceScan {
  const code = new Array<boolean>(lines.length).fill(false);
  let open: Fence | undefined;
  let openedAt = -1;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (open) {
      code[i] = true;
      if (closesFence(line, open)) open = undefined;
      continue;
    }
    open = opensFence(line);
    if (open) { code[i] = true; openedAt = i; }
  }
  return open ? { code, unclosedAt: openedAt } : { code };
}

/** The fence a line opens: up to 3 spaces, then 3+ backticks or tildes (backtick info strings hold no backtick). */
export function opensFence(line: string): Fence | undefined {
  const i = fenceStart(line);
  if (i < 0) return undefined;
  const char = line[i];
  let j = i;
  while (line[j] === char) j++;
  if (j - i < 3) return undefined;
  if (char === '`' && line.indexOf('`', j) >= 0) return undefined;
  return { char, length: j - i };
}

function closesFence(line: string, open: Fence): boolean {
  const i = fenceStart(line);
  if (i < 0 || line[i] !== open.char) return false;
  let j = i;
  while (line[j] === open.char) j++;
  return j - i >= open.length && line.slice(j).trim() === '';
}

function fenceStart(line: string): number {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  return line[i] === '`' || line[i] === '~' ? i : -1;
}
