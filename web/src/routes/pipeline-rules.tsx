import { Stack } from "@mantine/core";
import { PageHeader } from "../components/ui/page-header";
import { useIsAdmin } from "../features/auth/hooks/use-me";
import { PipelineNav } from "../features/pipeline/components/pipeline-nav";
import { RaciTemplates } from "../features/pipeline/components/raci-templates";
import { ScoringSettings } from "../features/pipeline/components/rules";

/** The Pipeline's rules: the scoring formula and the rules of engagement per request type. */
export function PipelineRulesPage() {
  const isAdmin = useIsAdmin();
  return (
    <>
      <PageHeader
        title="Rules"
        description="How the backlog is scored, and who defines, manages and guards each kind of request. Admins edit; everyone reads."
      />
      <PipelineNav />
      <Stack gap="lg">
        <ScoringSettings isAdmin={isAdmin} />
        <RaciTemplates isAdmin={isAdmin} />
      </Stack>
    </>
  );
}
