import {
  checkAirportCode,
  checkAwb,
  checkDeclarationNumber,
  checkFlightNumber,
  checkHsCode,
  checkUscc,
  makeAwb,
  makeDeclarationNumber,
  makeUscc,
  normalizeAwb,
} from '../../subgraphs/kit';

describe('trade identifiers', () => {
  it("accepts the domain brief's worked AWB examples and rejects a wrong check digit", () => {
    for (const awb of ['176-12345675', '020-81140743', '999-31415926', '99931415926']) {
      expect(checkAwb(awb)).toBeNull();
    }
    expect(checkAwb('999-31415927')).toMatch(/check digit.*ends in 6/);
    expect(checkAwb('999-3141592')).toMatch(/not an air waybill number/);
    expect(checkAwb('999-31415929')).not.toBeNull(); // 7, 8, 9 are never check digits
    expect(normalizeAwb('99931415926')).toBe('999-31415926');
    expect(makeAwb('999', 3141592)).toBe('999-31415926');
  });

  it('checks declaration numbers: 18 characters, office, year, direction, serial', () => {
    expect(checkDeclarationNumber('010120251001234567')).toBeNull();
    expect(checkDeclarationNumber('0101202510012345')).toMatch(/18 characters/);
    expect(checkDeclarationNumber('010120252001234567')).toMatch(/1 for import or 0 for export/);
    expect(makeDeclarationNumber('0101', 2025, 'IMPORT', 1234567)).toBe('010120251001234567');
    expect(makeDeclarationNumber('0101', 2025, 'EXPORT', 7)).toBe('010120250000000007');
  });

  it('checks USCC check characters (GB 32100-2015)', () => {
    // The standard's own example.
    expect(checkUscc('91350100M000100Y43')).toBeNull();
    expect(checkUscc('91350100M000100Y44')).toMatch(/check character: expected 3/);
    expect(checkUscc('91350100M000100Y4')).toMatch(/18 characters/);
    expect(checkUscc('91350100M000100I43')).toMatch(/"I" is not allowed/);
    expect(makeUscc('91350100M000100Y4')).toBe('91350100M000100Y43');
  });

  it('checks HS codes, IATA codes and flight numbers', () => {
    expect(checkHsCode('0809290000')).toBeNull();
    expect(checkHsCode('080929')).toMatch(/10 digits/);
    expect(checkAirportCode('PKX')).toBeNull();
    expect(checkAirportCode('pkx')).not.toBeNull();
    for (const f of ['CA931', 'CZ673', 'UA888', 'CZ6027', 'CA931A'])
      expect(checkFlightNumber(f)).toBeNull();
    expect(checkFlightNumber('CA12345')).toMatch(/1 to 4 digits/);
    expect(checkFlightNumber('CA')).not.toBeNull();
  });
});
