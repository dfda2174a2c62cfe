// Which (method, path) of openapi.yaml each client called, and what Prism said about each call.

import { readFileSync } from 'fs';
import { parse } from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export interface Operation {
  method: string; // upper case
  path: string; // as in openapi.yaml, e.g. /api/v1/leads/{id}
  operationId: string;
  regex: RegExp;
  params: number;
}

/** The operations of the contract, read from openapi.yaml. */
export function readOperations(openapiPath: string): Operation[] {
  const doc: unknown = parse(readFileSync(openapiPath, 'utf8'));
  const paths = isRecord(doc) && isRecord(doc.paths) ? doc.paths : {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const operationId = typeof op.operationId === 'string' ? op.operationId : `${method} ${path}`;
      const pattern = path
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId,
        regex: new RegExp(`^${pattern}$`),
        params: (path.match(/\{/g) ?? []).length,
      });
    }
  }
  return operations;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Coverage {
  private readonly called = new Map<string, Set<string>>(); // client -> "METHOD path"
  readonly unmatched: string[] = [];

  constructor(readonly operations: Operation[]) {}

  /** The operation a request is for: the matching template with the fewest parameters. */
  match(method: string, url: string): Operation | undefined {
    const path = new URL(url, 'http://placeholder').pathname;
    const candidates = this.operations
      .filter((op) => op.method === method.toUpperCase() && op.regex.test(path))
      .sort((a, b) => a.params - b.params);
    return candidates[0];
  }

  record(client: string, method: string, url: string): Operation | undefined {
    const op = this.match(method, url);
    if (!op) {
      this.unmatched.push(`${client} ${method} ${url}`);
      return undefined;
    }
    let set = this.called.get(client);
    if (!set) this.called.set(client, (set = new Set()));
    set.add(`${op.method} ${op.path}`);
    return op;
  }

  missing(client: string): Operation[] {
    const set = this.called.get(client) ?? new Set<string>();
    return this.operations.filter((op) => !set.has(`${op.method} ${op.path}`));
  }
}
