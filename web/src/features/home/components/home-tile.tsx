import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { HomeList } from "#contracts/home";
import { HrefLink } from "./href-link";

interface HomeTileProps {
  title: string;
  /** Where to act on the whole list. */
  href: string;
  linkLabel: string;
  /** A headline figure, or nothing. */
  figure?: ReactNode;
  list?: HomeList;
  /** What an empty list means, in words. */
  emptyText?: string;
  children?: ReactNode;
}

/** A tile of Home: a figure, the first few records, and the link to where to act. */
export function HomeTile({ title, href, linkLabel, figure, list, emptyText, children }: HomeTileProps) {
  const count = list ? `${list.count}${list.more ? "+" : ""}` : null;
  return (
    <Card h="100%" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Title order={2} size="h4">
          {title}
        </Title>
        {count !== null && (
          <Badge
            variant="light"
            color={list && list.count > 0 ? "indigo" : "gray"}
            aria-label={`${count} in all`}
            style={{ flexShrink: 0 }}
          >
            {count}
          </Badge>
        )}
      </Group>
      {figure && (
        <Text fz={28} fw={700} lh={1.2} mb={4}>
          {figure}
        </Text>
      )}
      {children}
      {list &&
        (list.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {emptyText ?? "Nothing here."}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {list.items.map((item) => (
              <li key={item.id} style={{ minWidth: 0 }}>
                <HrefLink href={item.url} size="sm" fw={500} lineClamp={1}>
                  {item.title}
                </HrefLink>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {item.detail}
                </Text>
              </li>
            ))}
          </Stack>
        ))}
      <HrefLink href={href} size="sm" mt="sm" display="inline-block">
        {linkLabel} →
      </HrefLink>
    </Card>
  );
}
