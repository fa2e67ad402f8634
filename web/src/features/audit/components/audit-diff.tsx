import { Code, Table, Text } from "@mantine/core";
import { diffFields, formatValue } from "../diff";
import classes from "./audit-diff.module.css";

/** What an event changed: field, before and after, changed fields highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if (before === null && after === null) {
    return (
      <Text size="sm" c="dimmed">
        This event records no data besides who, when and what.
      </Text>
    );
  }
  const fields = diffFields(before, after);
  if (fields === null) {
    return (
      <Table withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Before</Table.Th>
            <Table.Th scope="col">After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Code block>{formatValue(before)}</Code>
            </Table.Td>
            <Table.Td>
              <Code block>{formatValue(after)}</Code>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Table withTableBorder layout="fixed" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="28%">
            Field
          </Table.Th>
          <Table.Th scope="col">Before</Table.Th>
          <Table.Th scope="col">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((change) => (
          <Table.Tr key={change.field} className={change.isChanged ? classes.changed : undefined}>
            <Table.Th scope="row" fw={change.isChanged ? 700 : 500}>
              {change.field}
              {change.isChanged && <span className="visually-hidden"> (changed)</span>}
            </Table.Th>
            <Table.Td className={classes.value}>{formatValue(change.before)}</Table.Td>
            <Table.Td className={classes.value}>{formatValue(change.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
