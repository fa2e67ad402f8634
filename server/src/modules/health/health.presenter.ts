// Rows → API shapes of Health.
import type { PulseItem, Survey, SurveyItem } from "#contracts/health";
import type { PulseRows } from "./health.queries";
import type { ItemRow } from "./items.queries";

export function presentItem(row: ItemRow): SurveyItem {
  return {
    id: row.id,
    code: row.code,
    criterion: row.criterion,
    text: { marketing: row.textMarketing, it: row.textIt },
    shipped: row.shipped,
    status: row.status,
    live: row.live,
    publishedFigure: row.publishedFigure,
    position: row.position,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentPulseItem(row: ItemRow): PulseItem {
  return {
    id: row.id,
    code: row.code,
    criterion: row.criterion,
    text: { marketing: row.textMarketing, it: row.textIt },
    publishedFigure: row.publishedFigure,
  };
}

export function presentSurvey(row: PulseRows): Survey {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    k: row.k,
    itemsPerPulse: row.itemsPerPulse,
    closesOn: row.closesOn,
    launchedOn: row.launchedOn,
    closedOn: row.closedOn,
    items: row.pulseItems.map(presentPulseItem),
    participation: {
      marketing: { answered: row.answered.marketing, invited: row.invited.marketing },
      it: { answered: row.answered.it, invited: row.invited.it },
    },
    scheduledOn: row.scheduledOn,
    me: row.me,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
