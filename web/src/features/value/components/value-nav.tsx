import { ViewNav } from "../../../components/ui/view-nav";

const views = [
  { path: "/value", label: "Spend ledger" },
  { path: "/value/data", label: "Outcomes & journeys" },
  { path: "/value/runs", label: "Attribution runs", includesChildren: true },
];

/** The Value views. */
export function ValueNav() {
  return <ViewNav label="Value views" views={views} />;
}
