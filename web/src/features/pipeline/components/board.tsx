import { ActionIcon, Button, Menu, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronsLeft, IconChevronsRight, IconDotsVertical } from "@tabler/icons-react";
import { Link, useNavigate } from "@tanstack/react-router";
import { memo, useEffect, useMemo, useState } from "react";
import type { RequestSummary, Stage } from "#contracts/pipeline";
import { describeError } from "../../../components/ui/page-error";
import { boardCardActions } from "../board-actions";
import { useTransition } from "../hooks/use-pipeline";
import { OPEN_STAGES, priorityMeta, stageMeta, TRANSITIONS } from "../labels";
import classes from "./board.module.css";

const FIRST = 25;
/** Columns of work that is done: collapsed to their count until someone opens them. */
const DONE_STAGES: readonly Stage[] = ["delivered", "value_review"];
const accent: Record<string, string> = {
  crucial: "var(--mantine-color-red-6)",
  secondary: "var(--mantine-color-blue-6)",
  nice_to_have: "var(--mantine-color-gray-5)",
};

interface CardProps {
  request: RequestSummary;
  isMoving: boolean;
  onMove: (request: RequestSummary, to: Stage) => void;
  onDragStart: (request: RequestSummary) => void;
}

/** One light card: no heavy components except the move menu's button. */
const BoardCard = memo(function BoardCard({ request, isMoving, onMove, onDragStart }: CardProps) {
  const navigate = useNavigate();
  return (
    <li
      className={classes.card}
      draggable
      data-moving={isMoving}
      style={{ "--card-accent": request.priority ? accent[request.priority] : undefined } as React.CSSProperties}
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", request.id);
        event.dataTransfer.effectAllowed = "move";
        onDragStart(request);
      }}
    >
      <div className={`${classes.meta} ${classes.top}`}>
        <span className={classes.reference}>{request.reference}</span>
        {request.score !== null && (
          <span className={classes.score} title="Score">
            <span className="visually-hidden">Score </span>
            {request.score}
          </span>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${request.reference}`}>
              <IconDotsVertical size={14} aria-hidden="true" />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown aria-label={`Actions for ${request.reference}`}>
            {boardCardActions(request.stage).map((action) => (
              <Menu.Item
                key={action.label}
                onClick={() =>
                  action.kind === "move"
                    ? onMove(request, action.to)
                    : void navigate({ to: "/pipeline/requests/$id", params: { id: request.id } })
                }
              >
                {action.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </div>
      <Link to="/pipeline/requests/$id" params={{ id: request.id }} className={classes.title} draggable={false}>
        {request.title}
      </Link>
      <div className={classes.meta}>
        <span>
          {request.priority ? priorityMeta[request.priority].label : "Unclassified"} ·{" "}
          {request.itPartner ? request.itPartner.name : "No IT partner"}
        </span>
        {request.waitingOnRequester ? (
          <span className={`${classes.flag} ${classes.paused}`}>Paused</span>
        ) : request.breached ? (
          <span className={`${classes.flag} ${classes.breached}`}>Breached</span>
        ) : null}
      </div>
    </li>
  );
});

/**
 * The board: one column per open stage. Drag a card to another column, or use its menu; the server decides,
 * and a refused move snaps back with the server's reason. Columns show their first cards with "show more",
 * so a board of thousands stays light, and scroll within a capped height; empty columns and the done ones
 * (delivered, value review) shrink to a strip with their count, the done ones opening on demand.
 */
export function Board({ requests }: { requests: RequestSummary[] }) {
  const transition = useTransition();
  // Moves shown before the server answers; removed on an answer (kept by the refetch) or a refusal (snap back).
  const [pending, setPending] = useState<Record<string, Stage>>({});
  const [dragged, setDragged] = useState<RequestSummary | null>(null);
  const [target, setTarget] = useState<Stage | null>(null);
  const [shown, setShown] = useState<Record<string, number>>({});
  const [opened, setOpened] = useState<Partial<Record<Stage, boolean>>>({});

  // Once the refetched board shows a move, it no longer needs to be held.
  useEffect(() => {
    setPending((previous) => {
      const kept = Object.entries(previous).filter(([id, stage]) => requests.find((r) => r.id === id)?.stage !== stage);
      return kept.length === Object.keys(previous).length ? previous : Object.fromEntries(kept);
    });
  }, [requests]);

  const columns = useMemo(() => {
    const byStage = new Map<Stage, RequestSummary[]>(OPEN_STAGES.map((stage) => [stage, []]));
    for (const request of requests) byStage.get(pending[request.id] ?? request.stage)?.push(request);
    return byStage;
  }, [requests, pending]);

  const handleMove = (request: RequestSummary, to: Stage) => {
    if (to === request.stage) return;
    setPending((previous) => ({ ...previous, [request.id]: to }));
    const clear = () =>
      setPending((previous) => {
        const { [request.id]: _, ...rest } = previous;
        return rest;
      });
    transition.mutate(
      { id: request.id, to, version: request.version },
      {
        onSuccess: () =>
          notifications.show({ color: "indigo", message: `${request.reference} moved to ${stageMeta[to].label}` }),
        onError: (error) => {
          clear();
          notifications.show({
            color: "red",
            message: `${request.reference} stays in ${stageMeta[request.stage].label}: ${describeError(error)}`,
          });
        },
      },
    );
  };

  return (
    <div className={classes.columns}>
      {OPEN_STAGES.map((stage) => {
        const cards = columns.get(stage) ?? [];
        const limit = shown[stage] ?? FIRST;
        const isAllowed = dragged ? TRANSITIONS[dragged.stage].includes(stage) : false;
        const headingId = `board-column-${stage}`;
        // Empty columns and the done ones shrink to a strip with their count, so the working columns fit.
        const isDone = DONE_STAGES.includes(stage);
        const isCollapsed = cards.length === 0 || (isDone && !opened[stage]);
        return (
          <section
            key={stage}
            className={classes.column}
            aria-labelledby={headingId}
            data-collapsed={isCollapsed}
            data-target={target === stage && isAllowed}
            onDragOver={(event) => {
              event.preventDefault();
              event.dataTransfer.dropEffect = "move";
              if (target !== stage) setTarget(stage);
            }}
            onDragLeave={() => setTarget((current) => (current === stage ? null : current))}
            onDrop={(event) => {
              event.preventDefault();
              const id = event.dataTransfer.getData("text/plain");
              const request = requests.find((candidate) => candidate.id === id);
              setTarget(null);
              setDragged(null);
              if (request) handleMove(request, stage);
            }}
          >
            <h2 className={classes.columnHeader} id={headingId}>
              <span>{stageMeta[stage].label}</span>
              <Text span size="xs" c="dimmed">
                {cards.length}
              </Text>
            </h2>
            {isDone && cards.length > 0 && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                className={classes.toggle}
                aria-expanded={!isCollapsed}
                aria-label={`${isCollapsed ? "Show" : "Hide"} the ${cards.length} ${stageMeta[stage].label.toLowerCase()} requests`}
                onClick={() => setOpened((previous) => ({ ...previous, [stage]: isCollapsed }))}
              >
                {isCollapsed ? (
                  <IconChevronsRight size={14} aria-hidden="true" />
                ) : (
                  <IconChevronsLeft size={14} aria-hidden="true" />
                )}
              </ActionIcon>
            )}
            {!isCollapsed && (
              <ul className={classes.list}>
                {cards.slice(0, limit).map((request) => (
                  <BoardCard
                    key={request.id}
                    request={request}
                    isMoving={pending[request.id] !== undefined}
                    onMove={handleMove}
                    onDragStart={setDragged}
                  />
                ))}
              </ul>
            )}
            {!isCollapsed && cards.length > limit && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setShown((previous) => ({ ...previous, [stage]: limit + 50 }))}
              >
                Show {Math.min(50, cards.length - limit)} more of {cards.length - limit}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
