import { MultiSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { kpiPickerQuery } from "../hooks/use-scorecard";

interface KpiPickerProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (kpiIds: string[]) => void;
}

/** Picks KPIs of the Scorecard by name, each shown with the objective it serves. */
export function KpiPicker({ label, description, value, onChange }: KpiPickerProps) {
  const kpis = useQuery(kpiPickerQuery());
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={kpis.isPending ? "Loading KPIs…" : "Search KPIs"}
      data={(kpis.data ?? []).map((kpi) => ({ value: kpi.id, label: `${kpi.name} · ${kpi.objectiveTitle}` }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="No KPI by that name"
    />
  );
}
