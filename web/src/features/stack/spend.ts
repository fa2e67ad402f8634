import type { StackCategory, Tool } from "#contracts/stack";
import { categoryMeta } from "./labels";

export interface CategorySpend {
  category: string;
  key: StackCategory;
  amount: number;
  tools: number;
}

/** Annual spend per category, one chart per currency (amounts in different currencies are never added). */
export function spendByCurrency(tools: Tool[]): Map<string, CategorySpend[]> {
  const result = new Map<string, Map<StackCategory, CategorySpend>>();
  for (const tool of tools) {
    if (!tool.annualCost) continue;
    const { currency, amount } = tool.annualCost;
    const byCategory = result.get(currency) ?? new Map<StackCategory, CategorySpend>();
    const row = byCategory.get(tool.category) ?? {
      category: categoryMeta[tool.category].label,
      key: tool.category,
      amount: 0,
      tools: 0,
    };
    row.amount += Number(amount);
    row.tools += 1;
    byCategory.set(tool.category, row);
    result.set(currency, byCategory);
  }
  return new Map(
    [...result.entries()]
      .sort((a, b) => b[1].size - a[1].size)
      .map(([currency, rows]) => [currency, [...rows.values()].sort((a, b) => b.amount - a.amount)]),
  );
}

export interface OwnerCost {
  id: string;
  name: string;
  side: "Business" | "Technical";
  tools: number;
  amount: number;
}

/** Annual cost per owner (business and technical), one table per currency, largest first. */
export function ownerCosts(tools: Tool[]): Map<string, OwnerCost[]> {
  const result = new Map<string, Map<string, OwnerCost>>();
  for (const tool of tools) {
    if (!tool.annualCost) continue;
    const { currency, amount } = tool.annualCost;
    const rows = result.get(currency) ?? new Map<string, OwnerCost>();
    for (const [owner, side] of [
      [tool.businessOwner, "Business"],
      [tool.technicalOwner, "Technical"],
    ] as const) {
      if (!owner) continue;
      const key = `${side}:${owner.id}`;
      const row = rows.get(key) ?? { id: owner.id, name: owner.name, side, tools: 0, amount: 0 };
      row.tools += 1;
      row.amount += Number(amount);
      rows.set(key, row);
    }
    result.set(currency, rows);
  }
  return new Map(
    [...result.entries()].map(([currency, rows]) => [currency, [...rows.values()].sort((a, b) => b.amount - a.amount)]),
  );
}
