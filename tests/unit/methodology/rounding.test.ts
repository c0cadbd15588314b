import { roundHalfUp, shiftDecimal } from '../../../shared/methodology';

describe('roundHalfUp', () => {
  it('rounds the report figures half up', () => {
    expect(roundHalfUp(85.546875)).toBe(86);
    expect(roundHalfUp(219 / 256 * 100)).toBe(86);
    expect(roundHalfUp(87 / 90 * 100)).toBe(97);
    expect(roundHalfUp(99 / 114 * 100)).toBe(87);
    expect(roundHalfUp(23 / 6, 1)).toBe(3.8);
    expect(roundHalfUp(85.55)).toBe(86);
  });

  it('is not fooled by binary representation error', () => {
    // 2.55 is 2.54999999999999982236431605997495353221893310546875 in binary.
    expect(roundHalfUp(2.55, 1)).toBe(2.6);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(1.45, 1)).toBe(1.5);
    expect(roundHalfUp(0.1 + 0.2, 1)).toBe(0.3);
    // Mean of (94 + 95 + 94.5) is 94.5 but float arithmetic can land a hair below it.
    expect(roundHalfUp(94.49999999999999)).toBe(95);
    expect(roundHalfUp(283.5 / 3)).toBe(95);
  });

  it('rounds exact halves up and just-below halves down', () => {
    expect(roundHalfUp(0.5)).toBe(1);
    expect(roundHalfUp(94.5)).toBe(95);
    expect(roundHalfUp(94.4999)).toBe(94);
    expect(roundHalfUp(3.45, 1)).toBe(3.5);
    expect(roundHalfUp(3.44, 1)).toBe(3.4);
    expect(roundHalfUp(2.5499, 1)).toBe(2.5);
  });

  it('rounds negative halves away from zero and never returns -0', () => {
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(-2.4)).toBe(-2);
    expect(Object.is(roundHalfUp(-0.4), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0), 0)).toBe(true);
  });

  it('leaves integers and already-short values untouched', () => {
    expect(roundHalfUp(9007199254740991)).toBe(9007199254740991);
    expect(roundHalfUp(3.8, 1)).toBe(3.8);
    expect(roundHalfUp(1e21)).toBe(1e21);
    expect(roundHalfUp(1e-7, 2)).toBe(0);
    expect(roundHalfUp(Number.NaN)).toBeNaN();
  });

  it('shifts the decimal point without multiplying', () => {
    expect(shiftDecimal(2.55, 1)).toBe(25.5);
    expect(shiftDecimal(2406.684, 3)).toBe(2406684);
    expect(shiftDecimal(1e21, -21)).toBe(1);
  });
});
