import { describe, expect, it } from 'vitest';
import { choosePositive, parseDecimal, sortClasses } from '../../../src/core/metrics/class-labels';

describe('classes and the positive class', () => {
  it('sorts numeric labels by value and others by code units', () => {
    expect(sortClasses(['10', '2', '1', '2'])).toEqual(['1', '2', '10']);
    expect(sortClasses(['b', 'a', 'B'])).toEqual(['B', 'a', 'b']);
    expect(sortClasses(['2', 'x', '10'])).toEqual(['10', '2', 'x']);
  });

  it.each([
    [['0', '1'], '1', 'named'],
    [['-1', '1'], '1', 'named'],
    [['False', 'True'], 'True', 'named'],
    [['no', 'yes'], 'yes', 'named'],
    [['negative', 'spam'], 'spam', 'named'],
    [['0', '2'], '2', 'named'],
    [['cat', 'dog'], 'dog', 'sorted'],
    [['ham', 'spam'], 'spam', 'sorted'],
    [['1', 'yes'], 'yes', 'sorted'],
  ])('picks the positive of %j: %s (%s)', (classes, label, rule) => {
    expect(choosePositive(classes, undefined)).toEqual({ label, rule });
  });

  it('takes the class asked for, and refuses one that is not a label', () => {
    expect(choosePositive(['0', '1'], '0')).toEqual({ label: '0', rule: 'option' });
    expect(choosePositive(['0', '1'], '2')).toBeNull();
  });

  it('with a single class, has a positive only when that class is named like one', () => {
    expect(choosePositive(['1'], undefined)).toEqual({ label: '1', rule: 'named' });
    expect(choosePositive(['0'], undefined)).toEqual({ label: null, rule: 'named' });
    expect(choosePositive(['dog'], undefined)).toEqual({ label: null, rule: 'named' });
  });

  it('reads decimals only: no hex, no Infinity, no blanks', () => {
    expect(parseDecimal(' 0.25 ')).toBe(0.25);
    expect(parseDecimal('-1e-3')).toBe(-0.001);
    expect(parseDecimal('.5')).toBe(0.5);
    for (const bad of ['', '0x10', 'Infinity', '1e999', 'NaN', '1,5', 'abc']) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });
});
