import { diffJson } from './json-diff.util';

describe('diffJson', () => {
  it('lists changed, added and removed leaves with their paths', () => {
    const rows = diffJson(
      { fullName: 'Ana', role: 'agent', active: true, tags: ['a'] },
      { fullName: 'Ana', role: 'supervisor', teamId: 't1', tags: ['a', 'b'] },
    );
    expect(rows).toEqual([
      { path: 'active', kind: 'removed', before: 'true', after: null },
      { path: 'role', kind: 'changed', before: 'agent', after: 'supervisor' },
      { path: 'tags[1]', kind: 'added', before: null, after: 'b' },
      { path: 'teamId', kind: 'added', before: null, after: 't1' },
    ]);
  });

  it('treats a creation (no before) as all added', () => {
    expect(diffJson(null, { name: 'Equipo 1' })).toEqual([
      { path: '·', kind: 'added', before: null, after: '{"name":"Equipo 1"}' },
    ]);
  });

  it('finds nothing between equal documents', () => {
    expect(diffJson({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
  });
});
