import { describe, expect, it } from "vitest";
import { fromTokyo } from "~/utils/dates";
import { checkDoubleBooking, checkSessionOrder, checkSessionTiming, gapDays, holidayOn, redactForeignAcademies } from "./rules";

const at = (m: number, d: number, h: number, min = 0) => fromTokyo(2026, m, d, h, min);
const codes = (issues: { code: string; level: string }[]) => issues.map((i) => `${i.level}:${i.code}`);

describe("a single session", () => {
  it("accepts 3.5 hours on a Friday afternoon without comment", () => {
    expect(checkSessionTiming({ startsAt: at(9, 4, 13, 30), endsAt: at(9, 4, 17) })).toEqual([]);
  });

  it("blocks an end at or before the start", () => {
    expect(codes(checkSessionTiming({ startsAt: at(9, 4, 13), endsAt: at(9, 4, 13) }))).toEqual(["error:endBeforeStart"]);
    expect(codes(checkSessionTiming({ startsAt: at(9, 4, 13), endsAt: at(9, 4, 12) }))).toEqual(["error:endBeforeStart"]);
  });

  it("warns below 3 hours and above 4 hours, exactly 3 and 4 are fine", () => {
    expect(codes(checkSessionTiming({ startsAt: at(9, 4, 13), endsAt: at(9, 4, 15, 59) }))).toEqual(["warning:shorterThanRecommended"]);
    expect(checkSessionTiming({ startsAt: at(9, 4, 13), endsAt: at(9, 4, 16) })).toEqual([]);
    expect(checkSessionTiming({ startsAt: at(9, 4, 13), endsAt: at(9, 4, 17) })).toEqual([]);
    expect(codes(checkSessionTiming({ startsAt: at(9, 4, 13), endsAt: at(9, 4, 17, 1) }))).toEqual(["warning:longerThanRecommended"]);
  });

  it("blocks more than 8 hours", () => {
    expect(codes(checkSessionTiming({ startsAt: at(9, 4, 9), endsAt: at(9, 4, 17) }))).toEqual(["warning:longerThanRecommended"]);
    expect(codes(checkSessionTiming({ startsAt: at(9, 4, 9), endsAt: at(9, 4, 17, 1) }))).toEqual(["error:tooLong"]);
  });

  it("warns on weekends (Tokyo date, even when UTC is still the day before)", () => {
    // Saturday 5 September 2026 08:00 JST is Friday 23:00 UTC
    expect(codes(checkSessionTiming({ startsAt: at(9, 5, 8), endsAt: at(9, 5, 11, 30) }))).toEqual(["warning:weekend"]);
  });

  it("warns on public holidays with the holiday's name", () => {
    const issues = checkSessionTiming({ startsAt: at(11, 23, 13, 30), endsAt: at(11, 23, 17) });
    expect(issues).toEqual([
      { level: "warning", code: "holiday", params: { name: "勤労感謝の日", nameEn: "Labor Thanksgiving Day" } },
    ]);
    expect(holidayOn(at(9, 21, 10))?.name).toBe("敬老の日");
    expect(holidayOn(at(9, 22, 10))).not.toBeNull(); // the day between two holidays is a holiday too
    expect(holidayOn(at(9, 24, 10))).toBeNull();
  });
});

describe("sessions in an academy", () => {
  const s1 = { sequence: 1, startsAt: at(9, 4, 13, 30), endsAt: at(9, 4, 17) };
  const s3 = { sequence: 3, startsAt: at(10, 2, 13, 30), endsAt: at(10, 2, 17) };

  it("accepts two weeks apart", () => {
    expect(checkSessionOrder({ sequence: 2, startsAt: at(9, 18, 13, 30), endsAt: at(9, 18, 17) }, [s1, s3])).toEqual([]);
  });

  it("blocks a session that starts before the previous one ends or ends after the next one starts", () => {
    expect(codes(checkSessionOrder({ sequence: 2, startsAt: at(9, 1, 13), endsAt: at(9, 1, 16) }, [s1, s3]))).toEqual(["error:outOfOrder"]);
    expect(codes(checkSessionOrder({ sequence: 2, startsAt: at(10, 5, 13), endsAt: at(10, 5, 16) }, [s1, s3]))).toEqual(["error:outOfOrder"]);
  });

  it("warns when less than 7 days after the previous session, 7 is fine", () => {
    const six = checkSessionOrder({ sequence: 2, startsAt: at(9, 10, 13), endsAt: at(9, 10, 16) }, [s1, s3]);
    expect(six).toEqual([{ level: "warning", code: "tooClose", params: { other: 1, days: 6 } }]);
    expect(checkSessionOrder({ sequence: 2, startsAt: at(9, 11, 13), endsAt: at(9, 11, 16) }, [s1, s3])).toEqual([]);
  });

  it("counts days on Tokyo calendar dates", () => {
    expect(gapDays(at(9, 4, 23, 30), at(9, 5, 0, 30))).toBe(1);
  });
});

describe("double booking across academies", () => {
  const booked = [
    {
      academyName: "千代田区データアカデミー",
      sequence: 2,
      startsAt: at(9, 18, 14),
      endsAt: at(9, 18, 17),
      venueName: "千代田区役所 4階 会議室",
      facilitators: [{ id: "f1", name: "佐藤 健一" }],
      academyId: "chiyoda",
    },
  ];

  it("blocks a facilitator in two overlapping sessions", () => {
    const issues = checkDoubleBooking({ startsAt: at(9, 18, 13), endsAt: at(9, 18, 16), venueName: "別の会場", facilitatorIds: ["f1"] }, booked);
    expect(issues).toEqual([
      { level: "error", code: "facilitatorDoubleBooked", params: { name: "佐藤 健一", academy: "千代田区データアカデミー", academyId: "chiyoda", sequence: 2 } },
    ]);
  });

  it("says 'another academy' to someone who may not open the other academy", () => {
    const issues = checkDoubleBooking({ startsAt: at(9, 18, 13), endsAt: at(9, 18, 16), venueName: "千代田区役所 4階 会議室", facilitatorIds: ["f1"] }, booked);
    expect(redactForeignAcademies(issues, () => false)).toEqual([
      { level: "error", code: "facilitatorDoubleBookedElsewhere", params: { name: "佐藤 健一" } },
      { level: "error", code: "venueDoubleBookedElsewhere", params: { venue: "千代田区役所 4階 会議室" } },
    ]);
    expect(redactForeignAcademies(issues, (id) => id === "chiyoda")).toEqual(issues);
  });

  it("blocks the same venue, ignoring width and spacing differences", () => {
    const issues = checkDoubleBooking({ startsAt: at(9, 18, 16), endsAt: at(9, 18, 18), venueName: "千代田区役所　４階 会議室", facilitatorIds: [] }, booked);
    expect(codes(issues)).toEqual(["error:venueDoubleBooked"]);
  });

  it("allows back-to-back sessions and online sessions", () => {
    expect(checkDoubleBooking({ startsAt: at(9, 18, 17), endsAt: at(9, 18, 20), venueName: "千代田区役所 4階 会議室", facilitatorIds: ["f1"] }, booked)).toEqual([]);
    expect(checkDoubleBooking({ startsAt: at(9, 18, 14), endsAt: at(9, 18, 17), venueName: "", facilitatorIds: [] }, booked)).toEqual([]);
  });
});

describe("meeting URLs", () => {
  it("are parsed and normalised on input, and anything but a web address is refused", async () => {
    const { SessionSchema } = await import("./schemas");
    const { normaliseWebUrl } = await import("~/utils/form-fields");
    expect(normaliseWebUrl("https://Zoom.us/j/123456789")).toBe("https://zoom.us/j/123456789");
    const base = { date: "2026-09-04", startTime: "13:30", endTime: "17:00" };
    expect(SessionSchema.parse({ ...base, onlineUrl: " https://Zoom.US/j/1 " }).onlineUrl).toBe("https://zoom.us/j/1");
    for (const bad of ["javascript:alert(1)", "https://user:pw@zoom.us/j/1", "zoom.us/j/1", "https://localhost/x", "ftp://example.jp/"]) {
      expect(SessionSchema.safeParse({ ...base, onlineUrl: bad }).success, bad).toBe(false);
    }
  });
});
