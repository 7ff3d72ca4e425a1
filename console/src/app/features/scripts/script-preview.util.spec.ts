import { back, currentId, follow, isEnd, startPath, stepOf } from './script-preview.util';
import { renderedScript } from './script-response.factory';

describe('script preview path', () => {
  const script = renderedScript();

  it('starts at the start step and follows the chosen answer', () => {
    const path = follow(script, startPath(script), 'si');
    expect(path).toEqual(['saludo', 'aviso']);
    expect(stepOf(script, currentId(path))?.title).toBe('Aviso');
  });

  it('follows a fixed next step to the end', () => {
    const path = follow(script, ['saludo', 'aviso'], null);
    expect(path).toEqual(['saludo', 'aviso', 'cierre']);
    const last = stepOf(script, currentId(path));
    expect(last && isEnd(last)).toBe(true);
  });

  it('keeps a link to a missing step in the path, where nothing else can be followed', () => {
    const path = follow(script, startPath(script), 'no');
    expect(path).toEqual(['saludo', 'perdido']);
    expect(stepOf(script, currentId(path))).toBeNull();
    expect(follow(script, path, null)).toBe(path);
  });

  it('ignores an unknown answer and steps back but never before the start', () => {
    expect(follow(script, ['saludo'], 'quizas')).toEqual(['saludo']);
    expect(back(['saludo', 'aviso'])).toEqual(['saludo']);
    expect(back(['saludo'])).toEqual(['saludo']);
  });
});
