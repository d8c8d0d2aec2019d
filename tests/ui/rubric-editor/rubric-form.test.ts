import { describe, expect, it } from 'vitest';
import { validateRubric } from '../../../src/core/validate-rubric';
import {
  fieldId,
  formatSum,
  parseNumber,
  pathKeys,
  problemTarget,
  sumOfTyped,
  toCandidate,
  toForm,
  typedWeights,
} from '../../../src/ui/rubric-editor/rubric-form';
import { tinyRubric } from '../../helpers/fixtures';

describe('the rubric form', () => {
  it('gives back the very rubric it was made from', () => {
    const rubric = tinyRubric();
    expect(toCandidate(toForm(rubric))).toEqual(rubric);
  });

  it('reads typed numbers: empty is missing, garbage is NaN, so the validator says which', () => {
    expect(parseNumber('  ')).toBeUndefined();
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('12,5')).toBeNaN();
    const form = toForm(tinyRubric());
    form.sections[0]!.weight = '';
    form.sections[1]!.weight = 'abc';
    const checked = validateRubric(toCandidate(form));
    expect(checked.ok || checked.problems.map((p) => [p.path, p.code])).toEqual([
      ['sections[0](alpha).weight', 'value.missing'],
      ['sections[1](beta).weight', 'value.wrongType'],
    ]);
  });

  it('sums what can be read and accepts weights only when all are positive numbers', () => {
    expect(sumOfTyped(['33.33', '33.33', 'x', '33.33'])).toBeCloseTo(99.99, 10);
    expect(formatSum(0.1 + 0.2)).toBe('0.3');
    expect(typedWeights(['60', '40'])).toEqual([60, 40]);
    expect(typedWeights(['60', '0'])).toBeNull();
    expect(typedWeights(['60', ''])).toBeNull();
  });

  it('turns a problem path into the keys of the field to fix, and finds the nearest input', () => {
    const path = 'sections[0](market).criteria[2](technology).weight';
    expect(pathKeys(path)).toEqual(['sections', 0, 'criteria', 2, 'weight']);
    expect(pathKeys('(root)')).toEqual([]);
    const inputs = new Set([fieldId('e', ['sections', 0, 'criteria', 2, 'name', 'en'])]);
    // No input for the weight itself here: the criterion's English name is the nearest.
    expect(problemTarget('e', path, (id) => inputs.has(id))).toBe(
      'e-sections-0-criteria-2-name-en',
    );
    expect(problemTarget('e', 'bands[9].min', () => false)).toBeNull();
  });
});
