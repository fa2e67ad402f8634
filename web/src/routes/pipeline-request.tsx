import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBell, IconBellOff, IconPencil, IconPlayerPause, IconPlayerPlay } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { PipelineRequest, Stage } from "#contracts/pipeline";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { AnchorLink, ButtonLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { PurchaseAnswerPanel } from "../features/guardrails/components/purchase-answer-panel";
import { moveDirection, moveLabel, sortedMoves } from "../features/pipeline/board-actions";
import { PlanningPanel, TriagePanel } from "../features/pipeline/components/case-panels";
import { Conversation } from "../features/pipeline/components/conversation";
import { notifyRequestError } from "../features/pipeline/components/notify";
import { RaciPanel } from "../features/pipeline/components/raci-table";
import { PriorityBadge, StageBadge } from "../features/pipeline/components/request-badges";
import {
  AppealDialog,
  DecisionDialog,
  ReviewDialog,
  WaitDialog,
} from "../features/pipeline/components/request-dialogs";
import { CaseCard, DecisionCard, ValueCard } from "../features/pipeline/components/request-panels";
import { RequirementsView } from "../features/pipeline/components/requirements-view";
import { SlaClocks } from "../features/pipeline/components/sla-clocks";
import { StageProgress } from "../features/pipeline/components/stage-progress";
import {
  useAcceptAlternative,
  useRequest,
  useSetWaiting,
  useSetWatching,
  useTransition,
} from "../features/pipeline/hooks/use-pipeline";
import { stageMeta, typeLabels } from "../features/pipeline/labels";
import { requestPermissionsOf } from "../features/pipeline/permissions";
import { isApiError } from "../lib/api";
import { formatDate } from "../lib/format";

const route = getRouteApi("/app/pipeline/requests/$id");

/** Everything about one request on one page: where it is, its clocks, its case, who does what, and the talk. */
export function PipelineRequestPage() {
  const { id } = route.useParams();
  const request = useRequest(id);
  if (request.isPending) return <PageLoader label="Loading the request…" />;
  if (request.isError) {
    return (
      <>
        <PageHeader title={isApiError(request.error, "not_found") ? "Request not found" : "Request"} />
        <ErrorState error={request.error} onRetry={() => request.refetch()} />
        <Anchor component={AnchorLink} to="/pipeline" mt="md" display="block">
          Back to the backlog
        </Anchor>
      </>
    );
  }
  return <RequestDetails request={request.data} />;
}

function RequestDetails({ request }: { request: PipelineRequest }) {
  const me = useMe();
  const can = requestPermissionsOf(me, request);
  const transition = useTransition();
  const waiting = useSetWaiting();
  const watch = useSetWatching();
  const accept = useAcceptAlternative();
  const [dialog, setDialog] = useState<"decide" | "appeal" | "review" | "wait" | "withdraw" | null>(null);
  const close = () => setDialog(null);
  const isClockStage = ["submitted", "triage", "planning", "decision", "delivery"].includes(request.stage);
  const decision = request.decision;
  const canAppeal =
    can.isRequester && request.stage === "declined" && decision !== null && decision.appealedAt === null;
  const canAccept =
    can.isRequester &&
    request.stage === "declined" &&
    decision?.outcome === "alternative" &&
    decision.alternativeAcceptedAt === null;

  const handleMove = (to: Stage) =>
    transition.mutate(
      { id: request.id, to, version: request.version },
      {
        onSuccess: (saved) =>
          notifications.show({ color: "indigo", message: `${saved.reference} is now in ${stageMeta[to].label}` }),
        onError: (error) => notifyRequestError(error, `Could not move to ${stageMeta[to].label}`),
        onSettled: close,
      },
    );

  return (
    <>
      <Anchor component={AnchorLink} to="/pipeline" size="sm" mb="xs" display="inline-block">
        ← Backlog
      </Anchor>
      <PageHeader
        title={request.title}
        badge={
          <Group gap={6}>
            <StageBadge stage={request.stage} size="md" />
            <PriorityBadge priority={request.priority} />
          </Group>
        }
        description={
          <>
            <Text span ff="monospace" size="sm">
              {request.reference}
            </Text>{" "}
            · {typeLabels[request.type]} · asked by {request.requester.name}
            {request.submittedAt ? ` on ${formatDate(request.submittedAt)}` : " (draft)"}
          </>
        }
        actions={
          <>
            {can.canEditIntake && ["draft", "submitted", "triage", "planning"].includes(request.stage) && (
              <ButtonLink
                to="/pipeline/requests/$id/edit"
                params={{ id: request.id }}
                variant={request.stage === "draft" ? "filled" : "default"}
                leftSection={<IconPencil size={16} aria-hidden="true" />}
              >
                {request.stage === "draft" ? "Finish the draft" : "Edit the case"}
              </ButtonLink>
            )}
            <Button
              variant="default"
              leftSection={
                request.watching ? (
                  <IconBellOff size={16} aria-hidden="true" />
                ) : (
                  <IconBell size={16} aria-hidden="true" />
                )
              }
              loading={watch.isPending}
              onClick={() =>
                watch.mutate(
                  { id: request.id, watching: !request.watching },
                  {
                    onSuccess: (saved) =>
                      notifications.show({
                        color: "indigo",
                        message: saved.watching ? "You follow this request" : "You no longer follow this request",
                      }),
                    onError: (error) => notifyRequestError(error),
                  },
                )
              }
            >
              {request.watching ? "Unwatch" : "Watch"}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <StageProgress
          stage={request.stage}
          closedAtDecision={request.stage === "closed" && decision !== null && decision.outcome !== "approved"}
        />
        {request.waitingOnRequester && (
          <Alert
            color="gray"
            variant="light"
            title="Waiting on the requester"
            icon={<IconPlayerPause aria-hidden="true" />}
          >
            The clocks are paused until {request.requester.name} answers.
          </Alert>
        )}
        {request.type === "purchase" && <PurchaseAnswerPanel request={request} />}
        <Card>
          <Title order={2} size="h4" mb="sm">
            Next steps
          </Title>
          <Group gap="sm">
            {request.stage === "decision" && can.canTriage && (
              <Button onClick={() => setDialog("decide")}>Decide…</Button>
            )}
            {can.canWrite &&
              sortedMoves(request.stage, request.allowedTransitions).map((to) => {
                const direction = moveDirection(request.stage, to);
                return (
                  <Button
                    key={to}
                    variant={direction === "forward" ? "filled" : "default"}
                    color={direction === "withdraw" ? "red" : undefined}
                    loading={transition.isPending && transition.variables?.to === to}
                    onClick={() => (direction === "withdraw" ? setDialog("withdraw") : handleMove(to))}
                  >
                    {moveLabel(request.stage, to)}
                  </Button>
                );
              })}
            {isClockStage && can.canTriage && !request.waitingOnRequester && (
              <Button
                variant="default"
                leftSection={<IconPlayerPause size={16} aria-hidden="true" />}
                onClick={() => setDialog("wait")}
              >
                Wait on requester
              </Button>
            )}
            {request.waitingOnRequester && can.canWrite && (
              <Button
                variant="default"
                leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}
                loading={waiting.isPending}
                onClick={() =>
                  waiting.mutate(
                    { id: request.id, waiting: false, version: request.version },
                    {
                      onSuccess: () =>
                        notifications.show({ color: "indigo", message: "Resumed: the clocks run again" }),
                      onError: (error) => notifyRequestError(error),
                    },
                  )
                }
              >
                Resume
              </Button>
            )}
            {canAppeal && (
              <Button variant="default" onClick={() => setDialog("appeal")}>
                Appeal (once)
              </Button>
            )}
            {canAccept && (
              <Button
                loading={accept.isPending}
                onClick={() =>
                  accept.mutate(
                    { id: request.id, version: request.version },
                    {
                      onSuccess: () => notifications.show({ color: "indigo", message: "Alternative accepted; closed" }),
                      onError: (error) => notifyRequestError(error),
                    },
                  )
                }
              >
                Accept the alternative
              </Button>
            )}
            {(request.stage === "delivered" || request.stage === "value_review") && can.canReview && (
              <Button onClick={() => setDialog("review")}>Value review…</Button>
            )}
          </Group>
          {isFinal(request.stage) && !canAppeal && !canAccept && (
            <Text size="sm" c="dimmed">
              Nothing left to do: this request is {stageMeta[request.stage].label.toLowerCase()}.
            </Text>
          )}
          {request.stage === "planning" && request.raciProblems.length > 0 && (
            <Text size="sm" c="dimmed" mt="sm">
              The move to decision needs a complete “who does what” below.
            </Text>
          )}
        </Card>
        {decision && <DecisionCard decision={decision} />}
        <section aria-labelledby="clocks-heading">
          <Title order={2} size="h4" mb="sm" id="clocks-heading">
            Service levels
          </Title>
          <SlaClocks clocks={request.clocks} />
        </section>
        <RequirementsView request={request} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <CaseCard request={request} canWrite={can.canWrite} />
          <ValueCard request={request} />
          <TriagePanel request={request} canEdit={can.canTriage && !isFinal(request.stage)} />
          <PlanningPanel request={request} canEdit={can.canWrite && !isFinal(request.stage)} />
        </SimpleGrid>
        <RaciPanel request={request} canEdit={can.canEditRaci && !isFinal(request.stage)} />
        <Conversation requestId={request.id} currency={request.currency} canComment={can.canWrite} />
      </Stack>
      <DecisionDialog request={request} opened={dialog === "decide"} onClose={close} />
      <AppealDialog request={request} opened={dialog === "appeal"} onClose={close} />
      <ReviewDialog request={request} opened={dialog === "review"} onClose={close} />
      <WaitDialog request={request} opened={dialog === "wait"} onClose={close} />
      <ConfirmDialog
        opened={dialog === "withdraw"}
        title={`Withdraw ${request.reference}?`}
        confirmLabel="Withdraw"
        isDanger
        isLoading={transition.isPending}
        onConfirm={() => handleMove("withdrawn")}
        onClose={close}
      >
        The request leaves the backlog and its clocks stop. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

const isFinal = (stage: Stage) => stage === "closed" || stage === "declined" || stage === "withdrawn";
