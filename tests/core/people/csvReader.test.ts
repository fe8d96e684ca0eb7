import { parseCsv } from '../../../core/people';

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    const records = parseCsv('a,b,c\r\n"Lee, Gu","say ""hi""","two\r\nlines"\r\nx,,z\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['Lee, Gu', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['x', '', 'z'] },
    ]);
  });

  it('drops a BOM, skips blank lines and rows of empty fields, reads LF, CRLF and CR', () => {
    const records = parseCsv('\uFEFFa,b\n\n1,2\r\n,\r\n   \n3,4\r5,6');
    expect(records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [3, '1', '2'],
      [6, '3', '4'],
      [7, '5', '6'],
    ]);
  });

  it('keeps a quote inside an unquoted field, and reports a quote never closed', () => {
    expect(parseCsv('5" screen,x')[0]?.fields).toEqual(['5" screen', 'x']);
    const records = parseCsv('a,b\n1,"open\n2,3\n');
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringMatching(/never closed/) });
    expect(records).toHaveLength(2);
  });

  it('keeps an empty last field', () => {
    expect(parseCsv('a,b,\n')[0]?.fields).toEqual(['a', 'b', '']);
  });

  it('counts a line break inside quotes as one line, CRLF or CR, and gives it back as LF', () => {
    const records = parseCsv('a,b\r\n"x\r\ny\rz",1\r\nc,2\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny\nz', '1'] },
      { line: 5, fields: ['c', '2'] },
    ]);
  });

  it('reads quoted commas, doubled quotes and quoted empty fields', () => {
    expect(parseCsv('",",""""," say ""hi"" ",""\n')).toEqual([
      { line: 1, fields: [',', '"', ' say "hi" ', ''] },
    ]);
  });

  it('drops a BOM only at the very start', () => {
    expect(parseCsv('\uFEFFid,name\n1,\uFEFFx').map((r) => r.fields)).toEqual([
      ['id', 'name'],
      ['1', '\uFEFFx'],
    ]);
  });

  it('flags a record with text after a closing quote, and reads the records after it', () => {
    const records = parseCsv('a,b\n"Gu, Lee" x,1\n""2,3\n"ok",4');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: [], error: expect.stringMatching(/text after its closing quote/) },
      { line: 3, fields: [], error: expect.stringMatching(/text after its closing quote/) },
      { line: 4, fields: ['ok', '4'] },
    ]);
  });

  it('reports a quote never closed on the line it opens, after blank lines and quoted line breaks', () => {
    const records = parseCsv('a\n\n"b\r\nc"\n\nd,"open\nmore\n');
    expect(records.map((r) => [r.line, r.error ?? r.fields])).toEqual([
      [1, ['a']],
      [3, ['b\nc']],
      [6, expect.stringMatching(/never closed/)],
    ]);
  });
});
