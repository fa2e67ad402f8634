import { Box, Center, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Logo } from "../../../components/ui/logo";

interface AuthLayoutProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The calm, centred frame of the signed-out pages: setup, sign-in, accepting an invitation. */
export function AuthLayout({ title, description, children, footer }: AuthLayoutProps) {
  return (
    <Box component="main" id="main" mih="100vh" px="md" py={48}>
      <Center>
        <Stack w="100%" maw={440} gap="lg">
          <Center>
            <Logo size={34} />
          </Center>
          <Paper withBorder shadow="sm" p={{ base: "lg", xs: 32 }} bg="var(--tandem-surface)">
            <Stack gap={4} mb="lg">
              <Title order={1} fz={22}>
                {title}
              </Title>
              {description && (
                <Text size="sm" c="dimmed">
                  {description}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          {footer && (
            <Text size="xs" c="dimmed" ta="center">
              {footer}
            </Text>
          )}
        </Stack>
      </Center>
    </Box>
  );
}
