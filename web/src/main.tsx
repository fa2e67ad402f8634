import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/spotlight/styles.css";
import "./styles.css";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { meQuery } from "./features/auth/hooks/use-me";
import { setUnauthenticatedHandler } from "./lib/api";
import { queryClient } from "./lib/query-client";
import { createAppRouter } from "./router";
import { colorSchemeManager, cssVariablesResolver, theme } from "./theme";

const router = createAppRouter(queryClient);

// A session that ends under our feet (revoked, expired, deactivated) sends the person to sign in again.
setUnauthenticatedHandler(() => {
  if (queryClient.getQueryData(meQuery.queryKey) === null) return;
  queryClient.clear();
  queryClient.setQueryData(meQuery.queryKey, null);
  const here = router.state.location.href;
  void router.navigate({ to: "/sign-in", search: { redirect: here.startsWith("/sign-in") ? undefined : here } });
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={cssVariablesResolver}
    >
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
