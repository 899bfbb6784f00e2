/** A small argument parser: positionals, `--flag`, `--key value` (repeatable), `--key=value`. */
export interface Args { positionals: string[]; flags: Set<string>; options: Map<string, string[]> }

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], valued: readonly string[]): Args {
  const args: Args = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { args.positionals.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('--') || a === '-') { args.positionals.push(a); continue; }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (valued.includes(key)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${key} needs a value`);
      args.options.set(key, [...(args.options.get(key) ?? []), value]);
    } else if (eq > 0) {
      throw new UsageError(`--${key} takes no value`);
    } else {
      args.flags.add(key);
    }
  }
  return args;
}

export function one(args: Args, key: string): string | undefined {
  const v = args.options.get(key);
  return v ? v[v.length - 1] : undefined;
}

export function intOption(args: Args, key: string, fallback: number): number {
  const v = one(args, key);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${key} takes a whole number, not "${v}"`);
  return n;
}
