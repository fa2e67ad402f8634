import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataClass, ToolFields } from "#contracts/stack";
import {
  assessCompliance,
  cancelByDate,
  classifyTime,
  complianceStatus,
  daysBetween,
  findComplianceGaps,
  findOverlaps,
  findOwnershipGaps,
  type OverlapTool,
  renewalReminderDates,
  utilisation,
  validateToolRules,
} from "./stack.rules";

const baseTool = ToolFields.parse({ name: "Mailer", category: "content", subcategory: "Email marketing" });
const marketer = { status: "active" as const, teamKind: "marketing" };
const engineer = { status: "active" as const, teamKind: "it" };

describe("TIME class", () => {
  it("maps functional × technical fit to invest, migrate, tolerate, eliminate", () => {
    expect(classifyTime(5, 5)).toBe("invest");
    expect(classifyTime(4, 2)).toBe("migrate");
    expect(classifyTime(2, 4)).toBe("tolerate");
    expect(classifyTime(1, 2)).toBe("eliminate");
    expect(classifyTime(3, 3)).toBe("invest");
    expect(classifyTime(null, 5)).toBeNull();
  });
});

describe("renewals", () => {
  it("cancel-by is the renewal date minus the notice period, across month and leap-year ends", () => {
    expect(cancelByDate("2026-03-31", 30)).toBe("2026-03-01");
    expect(cancelByDate("2028-03-01", 1)).toBe("2028-02-29");
    expect(cancelByDate("2027-01-15", null)).toBe("2027-01-15");
    expect(cancelByDate(null, 30)).toBeNull();
  });

  it("reminds 120, 90, 60 and 30 days before the cancel-by date", () => {
    expect(renewalReminderDates("2027-06-30")).toEqual(["2027-03-02", "2027-04-01", "2027-05-01", "2027-05-31"]);
  });

  it("counts days both ways", () => {
    expect(daysBetween("2026-11-23", "2026-12-23")).toBe(30);
    expect(daysBetween("2026-12-23", "2026-11-23")).toBe(-30);
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), (days) => {
        expect(daysBetween("2026-01-01", cancelByDate("2026-01-01", -days) as string)).toBe(days);
      }),
    );
  });

  it("utilisation is used over bought, unknown without both", () => {
    expect(utilisation(200, 150)).toBe(0.75);
    expect(utilisation(0, 0)).toBeNull();
    expect(utilisation(null, 10)).toBeNull();
  });
});

describe("compliance", () => {
  it("finds the gaps of a tool handling personal and payment data carelessly", () => {
    const gaps = findComplianceGaps(
      {
        ...baseTool,
        dataClasses: ["personal", "payment"],
        securityReviewDate: "2025-01-10",
        securityReviewExpiry: "2026-03-01",
      },
      "2026-11-23",
    );
    expect(gaps.map((g) => g.message)).toEqual([
      "Handles personal data without a signed DPA",
      "Security review expired 2026-03-01",
      "Handles sensitive or payment data without single sign-on",
      "Handles payment data without a PCI DSS certification",
    ]);
    expect(complianceStatus(gaps)).toBe("non_compliant");
  });

  it("is compliant when the paperwork is in order, at risk when a review is about to expire", () => {
    const good = {
      ...baseTool,
      dataClasses: ["personal" as const],
      dpaSigned: true,
      sso: true,
      securityReviewDate: "2026-01-10",
      securityReviewExpiry: "2027-01-10",
    };
    expect(complianceStatus(findComplianceGaps(good, "2026-11-23"))).toBe("compliant");
    const soon = findComplianceGaps(good, "2026-12-20");
    expect(soon).toEqual([
      { code: "review_expiring", severity: "warning", message: "Security review expires 2027-01-10" },
    ]);
    expect(complianceStatus(soon)).toBe("at_risk");
  });

  it("asks nothing of a tool that handles no data", () => {
    expect(findComplianceGaps({ ...baseTool, dataClasses: ["none"] }, "2026-11-23")).toEqual([]);
  });
});

describe("compliance that means it", () => {
  const dataClass = fc.constantFrom(...DataClass.options);
  const anyTool = fc.record({
    status: fc.constantFrom("sanctioned" as const, "under_review" as const, "shadow" as const),
    dataClasses: fc.uniqueArray(dataClass, { maxLength: 3 }),
    dpaSigned: fc.boolean(),
    sso: fc.boolean(),
    securityReviewDate: fc.constantFrom(null, "2026-01-10"),
    securityReviewExpiry: fc.constantFrom(null, "2026-12-01", "2027-06-01"),
    certifications: fc.constantFrom<string[]>([], ["PCI DSS"]),
  });

  it("never calls a shadow tool, a tool without an active owner or one with unrecorded data compliant", () => {
    fc.assert(
      fc.property(anyTool, fc.boolean(), (tool, hasOwner) => {
        const fields = { ...baseTool, ...tool };
        const { status, gaps } = assessCompliance(fields, hasOwner, "2026-11-23");
        const unknowable = !hasOwner || fields.dataClasses.length === 0;
        if (unknowable || fields.status === "shadow") expect(status).not.toBe("compliant");
        // Compliant means nothing is listed; anything not compliant lists at least one finding.
        expect(status === "compliant").toBe(gaps.length === 0);
        // Unknown wins over warnings but never hides a broken rule.
        if (gaps.some((gap) => gap.severity === "gap")) expect(status).toBe("non_compliant");
        else if (unknowable) expect(status).toBe("unknown");
        expect(gaps.some((gap) => gap.code === "data_unknown")).toBe(fields.dataClasses.length === 0);
        expect(gaps.some((gap) => gap.code === "owner_missing")).toBe(!hasOwner);
      }),
    );
  });

  it("lists what is missing for a new tool with nothing recorded", () => {
    expect(assessCompliance({ ...baseTool, status: "shadow" }, false, "2026-11-23")).toEqual({
      status: "unknown",
      gaps: [
        { code: "data_unknown", severity: "unknown", message: "Nothing recorded about the data it handles" },
        { code: "owner_missing", severity: "unknown", message: "No active owner answers for it" },
        { code: "shadow", severity: "warning", message: "Shadow IT: in use without being sanctioned" },
      ],
    });
    expect(assessCompliance({ ...baseTool, dataClasses: ["none"] }, true, "2026-11-23").status).toBe("compliant");
    expect(assessCompliance({ ...baseTool, dataClasses: ["none"], status: "shadow" }, true, "2026-11-23").status).toBe(
      "at_risk",
    );
  });
});

describe("ownership and cross-field rules", () => {
  it("needs both an active business and technical owner", () => {
    expect(findOwnershipGaps({ business: marketer, technical: engineer })).toEqual([]);
    expect(findOwnershipGaps({ business: null, technical: { ...engineer, status: "deactivated" } })).toEqual([
      "No business owner in marketing",
      "The technical owner was deactivated",
    ]);
  });

  it("refuses sanctioning without both owners, owners from the wrong side, and dates out of order", () => {
    const errors = validateToolRules(
      {
        ...baseTool,
        status: "sanctioned",
        contractStart: "2026-05-01",
        renewalDate: "2026-04-01",
        lifecycleDates: { phaseIn: "2026-03-01", active: "2026-02-01", phaseOut: null, retired: null },
        dataClasses: ["none", "personal"],
      },
      { business: engineer, technical: null },
    );
    expect(errors.map((e) => e.path)).toEqual([
      "renewalDate",
      "lifecycleDates.active",
      "dataClasses",
      "businessOwnerId",
      "status",
    ]);
  });

  it("accepts a well-formed sanctioned tool", () => {
    expect(
      validateToolRules(
        { ...baseTool, status: "sanctioned", contractStart: "2026-01-01", renewalDate: "2027-01-01" },
        { business: marketer, technical: engineer },
      ),
    ).toEqual([]);
  });
});

describe("overlaps", () => {
  const tool = (
    id: string,
    subcategory: string,
    capabilities: string[],
    extra: Partial<OverlapTool> = {},
  ): OverlapTool => ({
    id,
    name: id,
    category: "content",
    subcategory,
    capabilities,
    lifecycle: "active",
    status: "sanctioned",
    annualCost: null,
    seatsBought: null,
    seatsUsed: null,
    ...extra,
  });

  it("groups tools of a subcategory linked by shared capabilities, with combined cost and seats", () => {
    const groups = findOverlaps([
      tool("A", "Email marketing", ["email", "journeys"], {
        annualCost: { amount: "12000.50", currency: "EUR" },
        seatsBought: 10,
        seatsUsed: 4,
      }),
      tool("B", "Email marketing", ["Email", "sms"], {
        annualCost: { amount: "999.50", currency: "EUR" },
        seatsBought: 10,
        seatsUsed: 8,
      }),
      tool("C", "Email marketing", ["SMS"], { annualCost: { amount: "100", currency: "USD" } }),
      tool("D", "Email marketing", ["landing pages"]),
      tool("E", "SEO", ["email"]),
      tool("F", "Email marketing", ["email"], { lifecycle: "retired" }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      subcategory: "Email marketing",
      sharedCapabilities: ["email", "sms"],
      annualCost: [
        { amount: "13000.00", currency: "EUR" },
        { amount: "100.00", currency: "USD" },
      ],
      seatsBought: 20,
      seatsUsed: 12,
      utilisation: 0.6,
    });
    expect(groups[0].tools.map((t) => t.id)).toEqual(["A", "B", "C"]);
  });

  it("never puts a tool in two groups, and every group shares a capability", () => {
    const arbitraryTool = fc.record({
      id: fc.uuid(),
      sub: fc.constantFrom("X", "Y"),
      caps: fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryTool, { selector: (t) => t.id, maxLength: 30 }), (raw) => {
        const groups = findOverlaps(raw.map((t) => tool(t.id, t.sub, t.caps)));
        const ids = groups.flatMap((g) => g.tools.map((t) => t.id));
        expect(new Set(ids).size).toBe(ids.length);
        for (const group of groups) {
          expect(group.tools.length).toBeGreaterThanOrEqual(2);
          expect(group.sharedCapabilities.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
