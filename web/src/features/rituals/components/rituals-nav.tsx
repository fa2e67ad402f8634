import { ViewNav } from "../../../components/ui/view-nav";

const views = [
  { path: "/rituals", label: "Meetings" },
  { path: "/rituals/commitments", label: "My commitments" },
  { path: "/rituals/job-swaps", label: "Job swaps" },
] as const;

/** Rituals' views as links. */
export function RitualsNav() {
  return <ViewNav label="Rituals views" views={views} />;
}
