import { Button, Card, Group, SimpleGrid, Stack, TagsInput, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCategory } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { stackApi } from "#contracts/api/stack";
import type { StackCategory, UpdateTaxonomyBody } from "#contracts/stack";
import { ListSection } from "../components/ui/list-page";
import { describeError } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { useIsAdmin } from "../features/auth/hooks/use-me";
import { StackNav } from "../features/stack/components/stack-nav";
import { useTaxonomy } from "../features/stack/hooks/use-stack";
import { call, isApiError, keyOf } from "../lib/api";

/** The martech taxonomy of the workspace: six top categories, their subcategories editable by admins. */
export function StackTaxonomyPage() {
  const taxonomy = useTaxonomy();
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Record<StackCategory, string[]> | null>(null);
  useEffect(() => {
    if (taxonomy.data) {
      setDraft(
        Object.fromEntries(taxonomy.data.categories.map((c) => [c.key, c.subcategories])) as Record<
          StackCategory,
          string[]
        >,
      );
    }
  }, [taxonomy.data]);
  const save = useMutation({
    mutationFn: (body: UpdateTaxonomyBody) => call(stackApi.updateTaxonomy, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keyOf(stackApi.taxonomy) });
      notifications.show({ color: "indigo", message: "Taxonomy saved" });
    },
    onError: (error) =>
      notifications.show(
        isApiError(error, "conflict")
          ? { color: "orange", title: "Someone changed the taxonomy meanwhile", message: "Reload and try again." }
          : { color: "red", title: "Could not save", message: describeError(error) },
      ),
  });
  return (
    <>
      <PageHeader
        title="Taxonomy"
        description="The six top categories of the martech landscape and the subcategories this workspace files tools under. Tools keep their subcategory when the list changes."
        actions={
          isAdmin &&
          draft &&
          taxonomy.data && (
            <Button
              loading={save.isPending}
              onClick={() => save.mutate({ subcategories: draft, version: taxonomy.data.version })}
            >
              Save taxonomy
            </Button>
          )
        }
      />
      <StackNav />
      <ListSection
        withCard={false}
        query={{ ...taxonomy, isPending: taxonomy.isPending || (!draft && !taxonomy.isError) }}
        loadingLabel="Loading the taxonomy…"
        isEmpty={false}
        empty={{ icon: IconCategory, title: "No categories" }}
      >
        {taxonomy.data && draft && (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {taxonomy.data.isCustom
                ? "This workspace's own subcategories."
                : "The built-in taxonomy; admins can adapt it."}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {taxonomy.data.categories.map((category) => (
                <Card key={category.key}>
                  <Title order={2} size="h5" mb="xs">
                    {category.label}
                  </Title>
                  {isAdmin ? (
                    <TagsInput
                      label={`Subcategories of ${category.label}`}
                      value={draft[category.key]}
                      onChange={(value) => setDraft({ ...draft, [category.key]: value })}
                      clearable
                    />
                  ) : (
                    <Group gap={6}>
                      {category.subcategories.map((name) => (
                        <Text key={name} size="sm">
                          {name}
                        </Text>
                      ))}
                    </Group>
                  )}
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </ListSection>
    </>
  );
}
