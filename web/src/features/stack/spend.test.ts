import { describe, expect, it } from "vitest";
import type { Tool } from "#contracts/stack";
import { ownerCosts, spendByCurrency } from "./spend";

const tool = (partial: Partial<Tool>) =>
  ({ category: "data", annualCost: null, businessOwner: null, technicalOwner: null, ...partial }) as Tool;
const mia = { id: "m", name: "Mia", status: "active" as const };
const ivan = { id: "i", name: "Ivan", status: "active" as const };

describe("spend", () => {
  it("adds cost per category and per owner, one currency at a time, never across currencies", () => {
    const tools = [
      tool({ annualCost: { amount: "1000.00", currency: "EUR" }, businessOwner: mia, technicalOwner: ivan }),
      tool({ category: "content", annualCost: { amount: "500.00", currency: "EUR" }, businessOwner: mia }),
      tool({ annualCost: { amount: "300.00", currency: "USD" }, technicalOwner: ivan }),
      tool({}),
    ];
    expect(
      spendByCurrency(tools)
        .get("EUR")
        ?.map((row) => [row.key, row.amount, row.tools]),
    ).toEqual([
      ["data", 1000, 1],
      ["content", 500, 1],
    ]);
    const eur = ownerCosts(tools).get("EUR") ?? [];
    expect(eur.map((row) => [row.name, row.side, row.tools, row.amount])).toEqual([
      ["Mia", "Business", 2, 1500],
      ["Ivan", "Technical", 1, 1000],
    ]);
    expect(
      ownerCosts(tools)
        .get("USD")
        ?.map((row) => [row.name, row.amount]),
    ).toEqual([["Ivan", 300]]);
  });
});
