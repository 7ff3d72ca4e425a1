export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffRow {
  path: string;
  kind: DiffKind;
  before: string | null;
  after: string | null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Leaf-level differences between two JSON values, with dotted paths (`contact.phones[0]`). */
export function diffJson(before: unknown, after: unknown, path = ''): DiffRow[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const child = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(before, key))
        return [{ path: child, kind: 'added' as const, before: null, after: show(after[key]) }];
      if (!Object.hasOwn(after, key))
        return [{ path: child, kind: 'removed' as const, before: show(before[key]), after: null }];
      return diffJson(before[key], after[key], child);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    const rows: DiffRow[] = [];
    for (let i = 0; i < length; i += 1) {
      const child = `${path}[${i}]`;
      if (i >= before.length) rows.push({ path: child, kind: 'added', before: null, after: show(after[i]) });
      else if (i >= after.length)
        rows.push({ path: child, kind: 'removed', before: show(before[i]), after: null });
      else rows.push(...diffJson(before[i], after[i], child));
    }
    return rows;
  }
  const a = before === undefined ? null : before;
  const b = after === undefined ? null : after;
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const label = path || '·';
  if (a === null) return [{ path: label, kind: 'added', before: null, after: show(b) }];
  if (b === null) return [{ path: label, kind: 'removed', before: show(a), after: null }];
  return [{ path: label, kind: 'changed', before: show(a), after: show(b) }];
}

export function prettyJson(value: unknown): string {
  return value === undefined || value === null ? '—' : JSON.stringify(value, null, 2);
}
