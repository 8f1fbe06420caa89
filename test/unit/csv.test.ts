import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '#shared/services/csv.ts';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 1633', "'+44 1633"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['=1,"x"', '"\'=1,""x"""'],
    [' padded ', '" padded "'],
    [null, ''],
    [42, '42'],
  ])('writes %j as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('ends every row with CRLF', () => {
    expect(csvRow(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });
});
