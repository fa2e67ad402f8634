import { useQueryClient } from "@tanstack/react-query";
import { CsvImportDialog } from "../../../components/ui/csv-import-dialog";
import { importMeasurements } from "../api";
import { invalidateScorecard } from "../hooks/use-scorecard";

const example = "kpi,date,value,comment,confidence\nOnline conversion rate,2026-11-30,2.4,After the checkout release,4";

/** Imports KPI values from CSV (kpi, date, value[, comment, confidence]): a dry run first, then all lines or none. */
export function ImportCheckInsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  return (
    <CsvImportDialog
      opened={opened}
      onClose={onClose}
      title="Import check-ins"
      intro="One value per line: the KPI (its name or id), the date and the value; a comment and a confidence from 1 to 5 may follow. Importing the same file again changes nothing."
      example={example}
      run={importMeasurements}
      summarize={(result) =>
        `${result.lines} ${result.lines === 1 ? "line" : "lines"}: ${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged${result.errors.length > 0 ? `, ${result.errors.length} with errors` : ""}.`
      }
      hasChanges={(result) => result.created + result.updated > 0}
      importedMessage={(result) => `Imported: ${result.created} new and ${result.updated} changed values`}
      onImported={() => void invalidateScorecard(queryClient)}
    />
  );
}
