import { ViewNav } from "../../../components/ui/view-nav";

const views = [
  { path: "/scorecard", label: "Objectives and KPIs" },
  { path: "/scorecard/measured", label: "How each of us is measured" },
  { path: "/scorecard/review", label: "Business review" },
  { path: "/scorecard/segments", label: "Customer segments" },
] as const;

/** The Scorecard's views as links. */
export function ScorecardNav() {
  return <ViewNav label="Scorecard views" views={views} />;
}
