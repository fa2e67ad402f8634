import { getRouteApi } from "@tanstack/react-router";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { IntakeForm } from "../features/pipeline/components/intake-form";
import { useRequest } from "../features/pipeline/hooks/use-pipeline";

const route = getRouteApi("/app/pipeline/requests/$id/edit");

/** Editing a request's intake (a draft, or a request not yet decided). */
export function PipelineEditPage() {
  const { id } = route.useParams();
  const request = useRequest(id);
  if (request.isPending) return <PageLoader label="Loading the request…" />;
  if (request.isError) return <ErrorState error={request.error} onRetry={() => request.refetch()} />;
  return (
    <>
      <AnchorLink to="/pipeline/requests/$id" params={{ id }} size="sm" mb="xs" display="inline-block">
        ← {request.data.reference}
      </AnchorLink>
      <PageHeader
        title={`Edit ${request.data.reference}`}
        description={
          request.data.stage === "draft"
            ? "A draft only you can see: finish the case, then submit it."
            : "The case as the requester and sponsor keep it; IT sees every change in the timeline and the audit log."
        }
      />
      <IntakeForm request={request.data} />
    </>
  );
}
