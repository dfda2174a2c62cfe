// Checks and their tally: one line per failure as it happens, and the closing "N passed, N failed".

export class Checks {
  private passedCount = 0;
  private readonly failures: string[] = [];

  constructor(private readonly verbose: boolean) {}

  /** One check: passes when `ok` is true. */
  ok(name: string, ok: boolean, detail?: unknown): boolean {
    if (ok) {
      this.passedCount++;
      if (this.verbose) console.log(`  ok    ${name}`);
    } else {
      const line = detail === undefined ? name : `${name}: ${describe(detail)}`;
      this.failures.push(line);
      console.log(`  FAIL  ${line}`);
    }
    return ok;
  }

  /** A check that two values are equal (deep, as JSON). */
  eq(name: string, actual: unknown, expected: unknown): boolean {
    const same = JSON.stringify(actual) === JSON.stringify(expected);
    return this.ok(name, same, same ? undefined : `expected ${describe(expected)}, got ${describe(actual)}`);
  }

  fail(name: string, detail?: unknown): void {
    this.ok(name, false, detail);
  }

  get passed(): number {
    return this.passedCount;
  }

  get failed(): number {
    return this.failures.length;
  }

  summary(): string[] {
    return [...this.failures];
  }
}

export function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 600 ? `${text.slice(0, 600)}…` : text;
  } catch {
    return String(value);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` every `everyMs` until it returns a value other than undefined, for at most `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, everyMs = 200): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= end) return undefined;
    await sleep(everyMs);
  }
}
