import { ViewNav } from "../../../components/ui/view-nav";

const views = [
  { path: "/glossary", label: "Terms" },
  { path: "/glossary/clashes", label: "Clashes" },
] as const;

/** The Glossary's views as links. */
export function GlossaryNav() {
  return <ViewNav label="Glossary views" views={views} />;
}
