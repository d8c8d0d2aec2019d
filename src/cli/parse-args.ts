export interface ParsedArgs {
  command: string | undefined;
  files: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** `--name value`, `--name=value` or a bare `--name`; anything else is a file. */
export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ParsedArgs {
  const [command, ...rest] = argv;
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.has(name)) {
      const value = inline ?? rest[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      if (inline === undefined) i += 1;
      flags.set(name, value);
    } else {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    }
  }
  return { command, files, flags };
}

export function choice<T extends string>(
  flags: ParsedArgs['flags'],
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = flags.get(name);
  if (value === undefined) return fallback;
  if (value === true || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function rejectUnknownFlags(flags: ParsedArgs['flags'], known: readonly string[]): void {
  for (const name of flags.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
}
