import { ViewNav } from "../../../components/ui/view-nav";

const views = [
  { path: "/guardrails", label: "Overview" },
  { path: "/guardrails/policy", label: "Purchase policy" },
  { path: "/guardrails/reviews", label: "Reviews" },
  { path: "/guardrails/settings", label: "Currency and checklists" },
] as const;

/** The Guardrails' views as links. */
export function GuardrailsNav() {
  return <ViewNav label="Guardrails views" views={views} />;
}
