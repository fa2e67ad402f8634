import { describe, expect, it } from "vitest";
import type { Money, Renewal } from "#contracts/stack";
import { renewalMonths } from "./renewal-months";

function renewal(name: string, cancelBy: string, cost: [string, string] | null): Renewal {
  return {
    tool: { id: name, name, vendor: name },
    renewalDate: cancelBy,
    cancelBy,
    daysToCancelBy: 0,
    noticeDays: 30,
    autoRenew: true,
    annualCost: cost ? { amount: cost[0], currency: cost[1] as Money["currency"] } : null,
    businessOwner: null,
    technicalOwner: null,
    reminderDates: [],
  };
}

describe("renewals by month", () => {
  it("sums the money at stake per cancel-by month, with the empty months between, one timeline per currency", () => {
    const months = renewalMonths([
      renewal("HubSpot", "2027-01-15", ["12000.50", "EUR"]),
      renewal("Hotjar", "2027-01-31", ["1000", "EUR"]),
      renewal("Figma", "2027-04-02", ["500", "USD"]),
      renewal("Miro", "2027-03-01", null),
    ]);
    expect([...months.keys()]).toEqual(["EUR", "USD"]);
    const eur = months.get("EUR") ?? [];
    expect(eur.map((month) => month.month)).toEqual(["2027-01", "2027-02", "2027-03", "2027-04"]);
    expect(eur[0]?.amount).toBeCloseTo(13000.5);
    expect(eur[0]?.contracts.map((contract) => contract.name)).toEqual(["HubSpot", "Hotjar"]);
    expect(eur[1]?.contracts).toEqual([]);
    expect(eur[2]).toMatchObject({ amount: 0, unpriced: 1 });
    expect(months.get("USD")?.[3]?.amount).toBe(500);
  });

  it("crosses a year end and has nothing to show without renewals", () => {
    const months = renewalMonths([renewal("A", "2026-11-30", ["1", "GBP"]), renewal("B", "2027-02-01", ["2", "GBP"])]);
    expect(months.get("GBP")?.map((month) => month.month)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(renewalMonths([]).size).toBe(0);
  });
});
