import { ViewNav } from "../../../components/ui/view-nav";

const views = [
  { path: "/stack", label: "Catalog" },
  { path: "/stack/graph", label: "Integrations" },
  { path: "/stack/renewals", label: "Renewals" },
  { path: "/stack/compliance", label: "Compliance" },
  { path: "/stack/overlaps", label: "Overlaps" },
  { path: "/stack/portfolio", label: "Spend & fit" },
  { path: "/stack/discovery", label: "Shadow IT" },
  { path: "/stack/taxonomy", label: "Taxonomy" },
] as const;

/** The Stack's views. */
export function StackNav() {
  return <ViewNav label="Stack views" views={views} />;
}
