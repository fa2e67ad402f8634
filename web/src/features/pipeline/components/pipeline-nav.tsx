import { ViewNav } from "../../../components/ui/view-nav";

const views = [
  { path: "/pipeline", label: "Backlog" },
  { path: "/pipeline/board", label: "Board" },
  { path: "/pipeline/my-work", label: "My work" },
  { path: "/pipeline/value", label: "Value delivered" },
  { path: "/pipeline/rules", label: "Rules" },
] as const;

/** The Pipeline's views. */
export function PipelineNav() {
  return <ViewNav label="Pipeline views" views={views} />;
}
