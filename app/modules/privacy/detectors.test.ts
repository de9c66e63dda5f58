import { describe, expect, it } from "vitest";
import { cellKinds, columnLetter, headerCategory, isBirthDateColumn, isBirthEraDate, isMyNumber, parseDateCell } from "./detectors";

describe("My Number check digit", () => {
  it("accepts numbers whose last digit is the check digit of the other eleven", () => {
    expect(isMyNumber("123456789018")).toBe(true);
    expect(isMyNumber("111111111118")).toBe(true);
  });
  it("refuses a wrong check digit, other lengths and repeated digits", () => {
    expect(isMyNumber("123456789012")).toBe(false);
    expect(isMyNumber("12345678901")).toBe(false);
    expect(isMyNumber("1234567890180")).toBe(false);
    expect(isMyNumber("000000000000")).toBe(false);
  });
  it("finds one in a cell, written plain, 4-4-4 or with full-width digits", () => {
    expect(cellKinds("123456789018")).toContain("my_number");
    expect(cellKinds("1234-5678-9018")).toContain("my_number");
    expect(cellKinds("個人番号：１２３４５６７８９０１８")).toContain("my_number");
  });
  it("does not take longer numbers, wrong check digits or a corporate number (13 digits) for one", () => {
    expect(cellKinds("123456789012")).not.toContain("my_number");
    expect(cellKinds("1234567890180")).not.toContain("my_number");
    expect(cellKinds("8000020282014")).not.toContain("my_number");
    expect(cellKinds("2024-04-01")).not.toContain("my_number");
  });
});

describe("telephone numbers", () => {
  it("finds landlines, mobiles and +81 forms", () => {
    for (const value of ["079-221-2111", "0792212111", "090-1234-5678", "(079)221-2111", "+81-90-1234-5678", "０７９－２２１－２１１１", "連絡先 03-3581-3111 まで"]) {
      expect(cellKinds(value), value).toContain("phone");
    }
  });
  it("ignores dates, postal codes, amounts and codes that are not 10/11-digit numbers", () => {
    for (const value of ["2024-04-01", "670-8501", "12,345,678", "282014", "0012345678", "090-1234-567", "03-3581-31110"]) {
      expect(cellKinds(value), value).not.toContain("phone");
    }
  });
});

describe("e-mail, addresses", () => {
  it("finds e-mail addresses", () => {
    expect(cellKinds("taro.yamada@example.jp")).toContain("email");
    expect(cellKinds("メール: a_b+c@mail.city.example.lg.jp")).toContain("email");
    expect(cellKinds("@mentions are not mail")).not.toContain("email");
  });
  it("finds an address with a house number, and postal code + address", () => {
    expect(cellKinds("姫路市安田4丁目1番地")).toEqual(["address"]);
    expect(cellKinds("兵庫県姫路市安田4-1")).toEqual(["address"]);
    expect(cellKinds("〒670-8501 兵庫県姫路市安田四丁目1番地")).toEqual(["postal_address"]);
    expect(cellKinds("姫路市安田4丁目1番地", true)).toEqual(["postal_address"]);
  });
  it("does not take district names or counts for an address", () => {
    expect(cellKinds("姫路市")).toEqual([]);
    expect(cellKinds("安田地区")).toEqual([]);
    expect(cellKinds("40-49歳")).toEqual([]);
    expect(cellKinds("受診率 45.2%")).toEqual([]);
  });
});

describe("birth dates", () => {
  it("parses western and era dates", () => {
    expect(parseDateCell("1980/4/1")).toEqual({ year: 1980, era: null });
    expect(parseDateCell("1980年4月1日")).toEqual({ year: 1980, era: null });
    expect(parseDateCell("昭和55年4月1日")).toEqual({ year: 1980, era: "昭和" });
    expect(parseDateCell("S55.4.1")).toEqual({ year: 1980, era: "S" });
    expect(parseDateCell("平成元年1月8日")).toEqual({ year: 1989, era: "平成" });
    expect(parseDateCell("令和6年13月1日")).toBeNull();
    expect(parseDateCell("2024年度")).toBeNull();
  });
  it("takes Shōwa and earlier era dates for birth dates, recent ones not", () => {
    expect(isBirthEraDate(parseDateCell("昭和55年4月1日"))).toBe(true);
    expect(isBirthEraDate(parseDateCell("令和6年4月1日"))).toBe(false);
  });
  it("calls a date column a birth-date column by its header or by a spread of decades", () => {
    expect(isBirthDateColumn("生年月日", [2001])).toBe(true);
    expect(isBirthDateColumn("受診日", [2024, 2024, 2025, 2025, 2024, 2023])).toBe(false);
    expect(isBirthDateColumn("日付", [1950, 1962, 1975, 1988, 1999])).toBe(true);
    expect(isBirthDateColumn("日付", [1950, 1999])).toBe(false);
  });
});

describe("headers", () => {
  it("names what a header says", () => {
    expect(headerCategory("氏名")).toBe("name");
    expect(headerCategory("氏名（カナ）")).toBe("name");
    expect(headerCategory("住所")).toBe("address");
    expect(headerCategory("生年月日")).toBe("birth");
    expect(headerCategory("電話番号")).toBe("phone");
    expect(headerCategory("E-mail")).toBe("email");
    expect(headerCategory("個人番号")).toBe("my_number");
    expect(headerCategory("被保険者番号")).toBe("insurance");
    expect(headerCategory("宛名番号")).toBe("resident_id");
  });
  it("leaves ordinary column names alone", () => {
    for (const header of ["地区", "年齢階級", "受診者数", "施設名", "市区町村名", "file_name", "カナダ", "年度"]) {
      expect(headerCategory(header), header).toBeNull();
    }
  });
});

it("labels columns like a spreadsheet", () => {
  expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
});
