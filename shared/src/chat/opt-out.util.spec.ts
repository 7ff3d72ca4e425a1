import { consentKeyword } from './opt-out.util';

describe(consentKeyword.name, () => {
  it('reads BAJA, STOP and ALTO whatever the case, accents or punctuation', () => {
    expect(consentKeyword('BAJA')).toEqual({ kind: 'opt_out', keyword: 'BAJA' });
    expect(consentKeyword(' baja. ')).toEqual({ kind: 'opt_out', keyword: 'BAJA' });
    expect(consentKeyword('Stop!')).toEqual({ kind: 'opt_out', keyword: 'STOP' });
    expect(consentKeyword('¡Alto!')).toEqual({ kind: 'opt_out', keyword: 'ALTO' });
    expect(consentKeyword('ALTA')).toEqual({ kind: 'opt_in', keyword: 'ALTA' });
  });

  it('ignores the keyword inside a sentence', () => {
    expect(consentKeyword('quiero dar de baja la tarjeta')).toBeNull();
    expect(consentKeyword('no pare de llamar, alto ahí')).toBeNull();
  });
});
