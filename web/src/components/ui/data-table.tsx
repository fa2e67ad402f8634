import { ActionIcon, Group, Stack, Table, type TableProps } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import { Fragment, type ReactNode, useState } from "react";
import classes from "./data-table.module.css";
import { Fact } from "./fact";

/** One column of a DataTable. */
export interface DataColumn<T> {
  key: string;
  /** The column's name: its header, and the label of its value in a card or a row's details. */
  header: string;
  /** Keep the header for screen readers only (a column of buttons). */
  isHeaderHidden?: boolean;
  cell: (row: T, index: number) => ReactNode;
  /**
   * 1 (the default) always shows; 2, 3 and 4 fold into the row's details as the table's container narrows below
   * 36em, 52em and 68em (at 1280 px beside the navigation the container is 60em: priority 4 folds).
   */
  priority?: 1 | 2 | 3 | 4;
  /** "actions": buttons, shown unlabelled at the foot of a phone's card. */
  kind?: "value" | "actions";
  align?: "left" | "right";
  isNowrap?: boolean;
  width?: number | string;
  /** A floor under the column's width, for content that would otherwise be cut short (a badge's words). */
  minWidth?: number;
  /** The cells name their rows (`<th scope="row">`): the first column of a comparison read across. */
  isRowHeader?: boolean;
}

interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  rowKey: (row: T) => string;
  /** The table's accessible name (and the card list's on phones). */
  label: string;
  /** Text naming a row for its details button: "Show more about REQ-12". */
  rowName?: (row: T) => string;
  verticalSpacing?: TableProps["verticalSpacing"];
  /** Inside a padded card: no extra inset at the table's left edge and around phone cards. */
  isFlush?: boolean;
  /** More about a row, opened on demand at every width (an audit event's changes), under its folded columns. */
  details?: {
    render: (row: T) => ReactNode;
    /** The toggle's accessible name: "Show changes of event 12". */
    toggleLabel: (row: T, isOpen: boolean) => string;
  };
}

/** Whether the screen is a phone's (≤ 48em): lists show as cards there. */
export function useIsPhone(): boolean {
  return useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false }) ?? false;
}

/**
 * A list's table at every width: the first column stays while the rest scrolls sideways, lower-priority columns fold
 * into each row's details when the container is narrow (a button opens them), and on phones each row is a card with
 * every value labelled, so nothing is cut at the right and titles keep their width.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  label,
  rowName,
  verticalSpacing = "sm",
  isFlush = false,
  details,
}: DataTableProps<T>) {
  const isPhone = useIsPhone();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const lowest = Math.max(...columns.map((column) => column.priority ?? 1));
  const folding = columns.filter((column) => (column.priority ?? 1) > 1);
  const [first, ...rest] = columns;
  const hasToggle = folding.length > 0 || details !== undefined;
  const toggle = (key: string) =>
    setExpanded((was) => {
      const next = new Set(was);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const toggleLabel = (row: T, rowIndex: number, isOpen: boolean) =>
    details
      ? details.toggleLabel(row, isOpen)
      : `${isOpen ? "Hide" : "Show"} more about ${rowName?.(row) ?? `row ${rowIndex + 1}`}`;
  const toggleButton = (row: T, rowIndex: number) => {
    const key = rowKey(row);
    const isOpen = expanded.has(key);
    return (
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-expanded={isOpen}
        aria-label={toggleLabel(row, rowIndex, isOpen)}
        onClick={() => toggle(key)}
      >
        {isOpen ? <IconChevronUp size={16} aria-hidden="true" /> : <IconChevronDown size={16} aria-hidden="true" />}
      </ActionIcon>
    );
  };

  if (isPhone)
    return (
      <ul className={classes.cards} aria-label={label} data-layout="cards">
        {rows.map((row, index) => (
          <li key={rowKey(row)} className={classes.card} data-flush={isFlush || undefined}>
            <Stack gap="xs">
              <div>{first.cell(row, index)}</div>
              {rest
                .filter((column) => column.kind !== "actions")
                .map((column) => (
                  <Fact key={column.key} label={column.header}>
                    {column.cell(row, index)}
                  </Fact>
                ))}
              {rest
                .filter((column) => column.kind === "actions")
                .map((column) => (
                  <Group key={column.key} gap="xs">
                    {column.cell(row, index)}
                  </Group>
                ))}
              {details && (
                <>
                  <Group gap="xs">{toggleButton(row, index)}</Group>
                  {expanded.has(rowKey(row)) && details.render(row)}
                </>
              )}
            </Stack>
          </li>
        ))}
      </ul>
    );

  const cellProps = (column: DataColumn<T>, index: number) => ({
    "data-priority": column.priority && column.priority > 1 ? column.priority : undefined,
    className: index === 0 ? classes.sticky : undefined,
    ta: column.align,
    w: column.width,
    pl: index === 0 && !isFlush ? "lg" : undefined,
    style: column.isNowrap ? { whiteSpace: "nowrap" as const } : undefined,
  });

  return (
    <div className={classes.scroll} data-lowest={lowest} data-layout="table" data-details={details ? "" : undefined}>
      <Table verticalSpacing={verticalSpacing} highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={column.key} scope="col" {...cellProps(column, index)}>
                {column.isHeaderHidden ? <span className="visually-hidden">{column.header}</span> : column.header}
              </Table.Th>
            ))}
            {hasToggle && (
              <Table.Th scope="col" className={classes.more} pr={isFlush ? undefined : "lg"}>
                <span className="visually-hidden">More</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, rowIndex) => {
            const key = rowKey(row);
            const isOpen = expanded.has(key);
            return (
              <Fragment key={key}>
                <Table.Tr>
                  {columns.map((column, index) => {
                    const content = column.minWidth ? (
                      <div key="cell" style={{ minWidth: column.minWidth }}>
                        {column.cell(row, rowIndex)}
                      </div>
                    ) : (
                      column.cell(row, rowIndex)
                    );
                    return column.isRowHeader ? (
                      <Table.Th key={column.key} scope="row" {...cellProps(column, index)}>
                        {content}
                      </Table.Th>
                    ) : (
                      <Table.Td key={column.key} {...cellProps(column, index)}>
                        {content}
                      </Table.Td>
                    );
                  })}
                  {hasToggle && (
                    <Table.Td className={classes.more} pr={isFlush ? undefined : "lg"}>
                      {toggleButton(row, rowIndex)}
                    </Table.Td>
                  )}
                </Table.Tr>
                {isOpen && (
                  <Table.Tr className={classes.detailRow}>
                    <Table.Td
                      colSpan={columns.length + 1}
                      pl={isFlush ? undefined : "lg"}
                      pr={isFlush ? undefined : "lg"}
                    >
                      <Stack gap={6} maw={480}>
                        {folding.map((column) => (
                          <div key={column.key} className={classes.detailFact} data-priority={column.priority}>
                            <Fact label={column.header}>{column.cell(row, rowIndex)}</Fact>
                          </div>
                        ))}
                      </Stack>
                      {details?.render(row)}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
