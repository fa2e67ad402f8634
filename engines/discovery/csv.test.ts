import { describe, expect, it } from "vitest";
import { parseExpenseCsv } from ".";

describe("parseExpenseCsv", () => {
  it("reads a comma file with quoted fields, names in any case and optional columns", () => {
    const csv = [
      "Date,Merchant,Amount,Currency,Cardholder,Department",
      '2026-03-01,"PAYPAL *CANVA, 4029357733",11.99,eur,Ana Silva,Marketing',
      '2026-03-02,"SQ *""HOTJAR"" LTD",39,USD,,',
      "",
    ].join("\r\n");
    expect(parseExpenseCsv(csv)).toEqual({
      delimiter: ",",
      errors: [],
      lines: [
        {
          line: 2,
          date: "2026-03-01",
          description: "PAYPAL *CANVA, 4029357733",
          amount: 11.99,
          currency: "EUR",
          employee: "Ana Silva",
          costCentre: "Marketing",
        },
        { line: 3, date: "2026-03-02", description: 'SQ *"HOTJAR" LTD', amount: 39, currency: "USD" },
      ],
    });
  });

  it("reads a semicolon file with decimal commas, thousands separators and European dates", () => {
    const csv = [
      "\ufeffdatum;description;amount;currency;employee",
      "01.03.2026;MAILCHIMP *MONTHLY;1.234,56;EUR;Ben",
      "02.03.2026;SLACK T0123 DUBLIN;12,5;EUR;Ben",
      "03/04/2026;ZOOM.US;-14,99;EUR;Ben",
    ].join("\n");
    const parsed = parseExpenseCsv(csv.replace("datum", "date"));
    expect(parsed.delimiter).toBe(";");
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines.map((line) => [line.date, line.amount])).toEqual([
      ["2026-03-01", 1234.56],
      ["2026-03-02", 12.5],
      ["2026-04-03", -14.99],
    ]);
    expect(parseExpenseCsv(csv.replace("datum", "date"), { dateOrder: "MDY" }).lines[2].date).toBe("2026-03-04");
  });

  it("accepts amounts with symbols, codes, parentheses and trailing minus", () => {
    const csv = [
      "date,description,amount,currency",
      "2026-01-01,A,€ 12.00,",
      '2026-01-02,B,"(1,234.50)",GBP',
      "2026-01-03,C,7.25-,USD",
      "2026-01-04,D,99 USD,",
      "2026-01-05,E,1,234,EUR",
    ].join("\n");
    const parsed = parseExpenseCsv(csv);
    expect(parsed.errors).toEqual([{ line: 6, field: "row", message: "has 5 fields, the header has 4" }]);
    expect(parsed.lines.map((line) => [line.amount, line.currency])).toEqual([
      [12, "EUR"],
      [-1234.5, "GBP"],
      [-7.25, "USD"],
      [99, "USD"],
    ]);
  });

  it("reports each bad line by line number and field and keeps the good ones", () => {
    const csv = [
      "date,description,amount,currency",
      "2026-02-30,FIGMA,45,EUR",
      "2026-03-01,,45,EUR",
      "2026-03-01,FIGMA,forty,EUR",
      "2026-03-01,FIGMA,45,EURO",
      "2026-03-01,FIGMA,45,EUR",
      '2026-03-01,"FIGMA',
      'MONTHLY",45,EUR',
      "2026-03-02,FIGMA,45",
      "2026-03-03,CANVA,1.2.3,EUR",
    ].join("\n");
    const parsed = parseExpenseCsv(csv);
    expect(parsed.lines.map((line) => line.line)).toEqual([6, 7]);
    expect(parsed.lines[1].description).toBe("FIGMA\nMONTHLY");
    expect(parsed.errors).toEqual([
      { line: 2, field: "date", message: '"2026-02-30" is not a date (YYYY-MM-DD, DD.MM.YYYY or DMY with /)' },
      { line: 3, field: "description", message: "is empty" },
      { line: 4, field: "amount", message: '"forty" is not an amount' },
      { line: 5, field: "currency", message: '"EURO" is not a 3-letter currency code' },
      { line: 9, field: "row", message: "has 3 fields, the header has 4" },
      { line: 10, field: "amount", message: '"1.2.3" is not an amount' },
    ]);
  });

  it("reports several bad fields of one line", () => {
    const parsed = parseExpenseCsv("date,description,amount,currency\nyesterday,X,abc,\n");
    expect(parsed.errors.map((error) => [error.line, error.field])).toEqual([
      [2, "date"],
      [2, "amount"],
      [2, "currency"],
    ]);
  });

  it("names the missing columns on the header line", () => {
    expect(parseExpenseCsv("when,merchant,total\n2026-01-01,X,1\n").errors).toEqual([
      { line: 1, field: "date", message: "no date column in the header" },
      { line: 1, field: "amount", message: "no amount column in the header" },
      { line: 1, field: "currency", message: "no currency column and no default currency" },
    ]);
    expect(parseExpenseCsv("").errors).toEqual([{ line: 1, field: "header", message: "the file has no header line" }]);
  });

  it("uses the default currency when the file has none", () => {
    const parsed = parseExpenseCsv("date\tpayee\tamount\n2026-01-01\tCANVA\t12\n", { defaultCurrency: "sek" });
    expect(parsed.delimiter).toBe("\t");
    expect(parsed.lines[0]).toMatchObject({ currency: "SEK", amount: 12 });
    expect(parseExpenseCsv("date,payee,amount\n", { defaultCurrency: "kr" }).errors[0].field).toBe("currency");
  });

  it("reports a quote that is never closed", () => {
    const parsed = parseExpenseCsv('date,description,amount,currency\n2026-01-01,"CANVA,12,EUR\n');
    expect(parsed.lines).toEqual([]);
    expect(parsed.errors).toEqual([{ line: 2, field: "row", message: "has a quote that is never closed" }]);
  });

  it("reports text after a closing quote and reads on from the next line", () => {
    const csv = 'date,description,amount,currency\n2026-01-01,"CANVA"X,12,EUR\n2026-01-02,FIGMA,45,EUR\n';
    const parsed = parseExpenseCsv(csv);
    expect(parsed.errors).toEqual([{ line: 2, field: "row", message: "has text after a closing quote" }]);
    expect(parsed.lines).toMatchObject([{ line: 3, description: "FIGMA" }]);
  });

  it("numbers lines whatever the line ends, blanks around quoted fields and quotes inside unquoted ones", () => {
    const csv = [
      "date;description;amount;currency",
      '2026-01-01; "CANVA\r\nPRO" ;12;EUR',
      "",
      '2026-01-02;SQ *"HOTJAR";x;EUR',
      '2026-01-03;"A;B";1;EUR\r2026-01-04;C;2;EUR',
    ].join("\r\n");
    const parsed = parseExpenseCsv(csv);
    expect(parsed.delimiter).toBe(";");
    expect(parsed.errors).toEqual([{ line: 5, field: "amount", message: '"x" is not an amount' }]);
    expect(parsed.lines.map((line) => [line.line, line.description])).toEqual([
      [2, "CANVA\r\nPRO"],
      [6, "A;B"],
      [7, "C"],
    ]);
  });
});
