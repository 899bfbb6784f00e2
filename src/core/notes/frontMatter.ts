/**
 * YAML-ish front matter between `---` lines at the very top of a note. Only the flat subset that
 * learners write is read: `key: value`, `key: [a, b]`, and `key:` followed by `- item` lines.
 * Anything else (nesting, block scalars, flow mappings) is skipped with a warning, never fatal.
 */

export type FrontMatterData = Record<string, string | string[]>;

export interface FrontMatter {
  data: FrontMatterData;
  /** 0-based index of the first line after the block; 0 when there is no front matter. */
  end: number;
}

/** Called with a 1-based line and a message for each line that was ignored. */
export type WarnFn = (line: number, message: string) => void;

const KEY = /^[A-Za-z0-9_][\w.-]*$/;

export function readFrontMatter(lines: string[], warn: WarnFn = () => undefined): FrontMatter {
  const none: FrontMatter = { data: {}, end: 0 };
  if (lines.length < 2 || lines[0].trimEnd() !== '---') return none;
  const close = closingLine(lines);
  if (close < 0) { warn(1, 'front matter is never closed by a `---` line; read as text'); return none; }
  const reader = new BlockReader(warn);
  for (let i = 1; i < close; i++) reader.read(lines[i], i + 1);
  if (!reader.sawKey && reader.sawContent) return none;
  return { data: reader.finish(), end: close + 1 };
}

function closingLine(lines: string[]): number {
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].trimEnd();
    if (t === '---' || t === '...') return i;
  }
  return -1;
}

/** Reads the block line by line; `pending` is the key whose `- item` list is being collected. */
class BlockReader {
  private readonly data: FrontMatterData = Object.create(null) as FrontMatterData;
  private pending?: string;
  private skippingScalar = false;
  sawKey = false;
  sawContent = false;

  constructor(private readonly warn: WarnFn) {}

  read(line: string, lineNo: number): void {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    this.sawContent = true;
    const indented = line[0] === ' ' || line[0] === '\t';
    if (this.skippingScalar && indented) return;
    this.skippingScalar = false;
    if (t.startsWith('- ') || t === '-') return this.item(t.slice(1).trim(), lineNo);
    if (indented) return this.warn(lineNo, `nested front matter is not supported; ignored: ${clip(t)}`);
    this.pair(t, lineNo);
  }

  finish(): FrontMatterData {
    this.closeList();
    return { ...this.data };
  }

  private item(value: string, lineNo: number): void {
    const list = this.pending === undefined ? undefined : this.data[this.pending];
    if (!Array.isArray(list)) return this.warn(lineNo, `list item without a key; ignored: ${clip(value)}`);
    if (value !== '') list.push(unquote(value));
  }

  private pair(t: string, lineNo: number): void {
    this.closeList();
    const colon = t.indexOf(':');
    const key = colon > 0 ? t.slice(0, colon).trim() : '';
    if (!KEY.test(key)) return this.warn(lineNo, `not a \`key: value\` line; ignored: ${clip(t)}`);
    const value = t.slice(colon + 1).trim();
    this.sawKey = true;
    if (value === '') { this.data[key] = []; this.pending = key; return; }
    const parsed = parseValue(value);
    if (parsed === undefined) {
      this.skippingScalar = value[0] === '|' || value[0] === '>';
      return this.warn(lineNo, `unsupported value for "${key}"; ignored`);
    }
    this.data[key] = parsed;
  }

  /** A `key:` with no items after it is an empty string, not an empty list. */
  private closeList(): void {
    if (this.pending !== undefined && (this.data[this.pending] as string[]).length === 0) this.data[this.pending] = '';
    this.pending = undefined;
  }
}

function parseValue(value: string): string | string[] | undefined {
  const c = value[0];
  if (c === '[') return value.endsWith(']') ? splitFlowList(value.slice(1, -1)) : undefined;
  if (c === '{' || c === '|' || c === '>' || c === '&' || c === '*' || c === '!') return undefined;
  return unquote(stripComment(value));
}

function splitFlowList(inner: string): string[] {
  return inner.split(',').map((s) => unquote(s.trim())).filter((s) => s !== '');
}

function stripComment(value: string): string {
  if (value[0] === '"' || value[0] === "'") return value;
  const hash = value.indexOf(' #');
  return hash < 0 ? value : value.slice(0, hash).trimEnd();
}

function unquote(s: string): string {
  const q = s[0];
  if (s.length >= 2 && (q === '"' || q === "'") && s[s.length - 1] === q) return s.slice(1, -1);
  return s;
}

function clip(s: string): string { return s.length > 60 ? `${s.slice(0, 57)}...` : s; }
