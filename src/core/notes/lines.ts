/**
 * Line helpers shared by the parser and the card extractor, so both count lines the same way:
 * a leading BOM is dropped and CRLF or a lone CR ends a line like LF does.
 */

/** Text without a BOM and with LF line ends only. Accepts anything a JS caller may pass. */
export function normaliseText(text: unknown): string {
  let t = typeof text === 'string' ? text : String(text ?? '');
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  return t.indexOf('\r') < 0 ? t : t.replace(/\r\n?/g, '\n');
}

export function splitLines(text: string): string[] { return text.split('\n'); }

/** Whitespace only (a line holding a lone non-breaking space counts as blank too). */
export function isBlank(line: string | undefined): boolean {
  if (line === undefined) return true;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x0c && c !== 0x0b && c !== 0x3000 && c !== 0xfeff) return false;
  }
  return true;
}

/** Columns of leading spaces, a tab counting as 4. */
export function indentOf(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === ' ') n++;
    else if (line[i] === '\t') n += 4;
    else break;
  }
  return n;
}

/** `notes/aws/bedrock.md` -> `bedrock`; works with `/` and `\` separators. */
export function baseName(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name || file;
}

/** `notes/a.md` for both `notes\a.md` and `./notes/a.md`: the file identity hashed into card ids. */
export function fileIdentity(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** True if the line is a thematic break or setext underline: three or more of one of - = * _ (spaces allowed). */
export function isRuleLine(line: string): boolean {
  let mark = '';
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t') continue;
    if (mark === '') {
      if (c !== '-' && c !== '=' && c !== '*' && c !== '_') return false;
      mark = c;
    } else if (c !== mark) return false;
    count++;
  }
  return count >= 3;
}
