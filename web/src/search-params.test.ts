import { describe, expect, it } from "vitest";
import { commitmentsSearch, pipelineSearch, scorecardSearch, stackSearch } from "./search-params";

describe("search parameters", () => {
  it("keeps the values the contracts accept and drops the rest, so an old link still opens the page", () => {
    expect(stackSearch({ status: "shadow", category: "crm", sort: "-updatedAt", lifecycle: 3 })).toEqual({
      status: "shadow",
      sort: "-updatedAt",
    });
    expect(pipelineSearch({ stage: "in_flight", type: "purchase", priority: "urgent" })).toEqual({
      stage: "in_flight",
      type: "purchase",
    });
    expect(pipelineSearch({ stage: "delivery" })).toEqual({ stage: "delivery" });
  });

  it("reads what the router parsed as JSON back as text: a number searched for, a flag set", () => {
    expect(stackSearch({ q: 2026, archived: true, needsOwner: false })).toEqual({ q: "2026", archived: "true" });
  });

  it("leaves out blank text and dates that are not dates", () => {
    expect(stackSearch({ q: "   " })).toEqual({});
    expect(scorecardSearch({ asOf: "2026-02-30", scope: "all" })).toEqual({ scope: "all" });
    expect(scorecardSearch({ asOf: "2026-02-28" })).toEqual({ asOf: "2026-02-28" });
    expect(commitmentsSearch({ status: "open", item: "" })).toEqual({});
  });
});
