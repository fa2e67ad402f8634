import { Anchor } from "@mantine/core";
import { AnchorLink } from "../components/ui/links";
import { PageHeader } from "../components/ui/page-header";
import { IntakeForm } from "../features/pipeline/components/intake-form";

/** The guided intake of a new request. */
export function PipelineNewPage() {
  return (
    <>
      <Anchor component={AnchorLink} to="/pipeline" size="sm" mb="xs" display="inline-block">
        ← Backlog
      </Anchor>
      <PageHeader
        title="New request"
        description="Make the case once, in plain words: IT triages it, plans it with you, and decides with a reason."
      />
      <IntakeForm />
    </>
  );
}
