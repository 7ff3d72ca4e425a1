import { DEFAULT_MX_COLLECTION_SCRIPT } from './default-script.constant';
import { combineAdherence, scriptAdherence } from './script-adherence.util';
import type { ScriptStepVisit } from './script.type';

// Required steps of the default script: tercero, identificacion, convenio, confirmacion_convenio.
const visit = (stepId: string, completed = true): ScriptStepVisit => ({ stepId, completed });

describe('scriptAdherence', () => {
  it('divides the required steps completed by the required steps shown', () => {
    // Shown: saludo, identificacion (req, done), situacion, convenio (req, not done), objecion, negativa, cierre.
    // Required shown = {identificacion, convenio} = 2; completed = {identificacion} = 1; 1 ÷ 2 = 0.5.
    const path = [
      visit('saludo'),
      visit('identificacion'),
      visit('situacion'),
      visit('convenio', false),
      visit('objecion'),
      visit('negativa'),
      visit('cierre'),
    ];
    expect(scriptAdherence(DEFAULT_MX_COLLECTION_SCRIPT, path)).toEqual({
      requiredShown: 2,
      requiredCompleted: 1,
      adherence: 0.5,
      unknownStepIds: [],
    });
  });

  it('counts a step once however often a loop shows it, completed if done on any visit', () => {
    // convenio shown twice (skipped, then done after the objection): one step, completed.
    // Required shown = {identificacion, convenio, confirmacion_convenio} = 3;
    // completed = {convenio, confirmacion_convenio} = 2 (identificacion skipped); 2 ÷ 3 ≈ 0.667.
    const path = [
      visit('saludo'),
      visit('identificacion', false),
      visit('situacion'),
      visit('convenio', false),
      visit('objecion'),
      visit('convenio', true),
      visit('confirmacion_convenio'),
      visit('cierre'),
    ];
    const result = scriptAdherence(DEFAULT_MX_COLLECTION_SCRIPT, path);
    expect(result).toMatchObject({ requiredShown: 3, requiredCompleted: 2 });
    expect(result.adherence).toBeCloseTo(2 / 3, 12);
  });

  it('is 1 when every required step shown was completed', () => {
    // Third party: saludo, tercero (req, done), cierre → 1 ÷ 1.
    expect(
      scriptAdherence(DEFAULT_MX_COLLECTION_SCRIPT, [visit('saludo'), visit('tercero'), visit('cierre')])
        .adherence,
    ).toBe(1);
  });

  it('is null, not 0 or 1, when no required step was shown', () => {
    // Wrong number: saludo → numero_errado → cierre, none required: 0 ÷ 0 has no meaning.
    expect(
      scriptAdherence(DEFAULT_MX_COLLECTION_SCRIPT, [
        visit('saludo'),
        visit('numero_errado'),
        visit('cierre'),
      ]),
    ).toEqual({
      requiredShown: 0,
      requiredCompleted: 0,
      adherence: null,
      unknownStepIds: [],
    });
    expect(scriptAdherence(DEFAULT_MX_COLLECTION_SCRIPT, []).adherence).toBeNull();
  });

  it('ignores, and lists, steps that are not in this version', () => {
    // identificacion done (1 ÷ 1); "aviso_viejo" belongs to another version.
    expect(
      scriptAdherence(DEFAULT_MX_COLLECTION_SCRIPT, [visit('aviso_viejo'), visit('identificacion')]),
    ).toEqual({
      requiredShown: 1,
      requiredCompleted: 1,
      adherence: 1,
      unknownStepIds: ['aviso_viejo'],
    });
  });
});

describe('combineAdherence', () => {
  it('takes the ratio of the sums, where calls without required steps add nothing', () => {
    // (1 + 3 + 0) ÷ (2 + 3 + 0) = 4 ÷ 5 = 0.8; the mean of ratios would be (0.5 + 1) ÷ 2 = 0.75.
    expect(
      combineAdherence([
        { requiredShown: 2, requiredCompleted: 1 },
        { requiredShown: 3, requiredCompleted: 3 },
        { requiredShown: 0, requiredCompleted: 0 },
      ]),
    ).toEqual({ requiredShown: 5, requiredCompleted: 4, adherence: 0.8 });
    expect(combineAdherence([])).toEqual({ requiredShown: 0, requiredCompleted: 0, adherence: null });
  });
});
