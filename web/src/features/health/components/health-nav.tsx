import { ViewNav } from "../../../components/ui/view-nav";

const views = [
  { path: "/health", label: "Alignment Index" },
  { path: "/health/pulse", label: "Answer the pulse" },
  { path: "/health/surveys", label: "Pulses", includesChildren: true },
  { path: "/health/items", label: "Item bank" },
] as const;

/** Health's views as links. */
export function HealthNav() {
  return <ViewNav label="Health views" views={views} />;
}
