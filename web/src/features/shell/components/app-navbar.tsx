import { AppShell, Box, NavLink, ScrollArea, Text } from "@mantine/core";
import { Link, useRouterState } from "@tanstack/react-router";
import { useId } from "react";
import { useMe } from "../../auth/hooks/use-me";
import { productModules } from "../../modules/modules";
import { homeItem, type NavItem, workspaceItems } from "../nav-items";
import classes from "./app-navbar.module.css";

function isActive(pathname: string, path: string): boolean {
  return path === "/" ? pathname === "/" : pathname === path || pathname.startsWith(`${path}/`);
}

function NavSection({ label, children }: { label: string; children: React.ReactNode }) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups links under a label
    <div role="group" aria-labelledby={id} className={classes.section}>
      <Text id={id} className={classes.sectionLabel}>
        {label}
      </Text>
      {children}
    </div>
  );
}

function PageLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const active = isActive(pathname, item.path);
  return (
    <NavLink
      component={Link}
      to={item.path}
      label={item.label}
      leftSection={<item.icon size={18} stroke={1.7} aria-hidden="true" />}
      active={active}
      aria-current={active ? "page" : undefined}
      className={classes.link}
    />
  );
}

/** Every module of Tandem and the workspace pages; admin-only pages only for admins. */
export function AppNavbar() {
  const me = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const isAdmin = me.user.role === "admin";
  return (
    <AppShell.Section grow component={ScrollArea} px="sm" py="md">
      <Box mb="sm">
        <PageLink item={homeItem} pathname={pathname} />
      </Box>
      <NavSection label="Working together">
        {productModules.map((module) => {
          const active = isActive(pathname, module.path);
          return (
            <NavLink
              key={module.key}
              component={Link}
              to={module.path}
              label={module.label}
              leftSection={<module.icon size={18} stroke={1.7} aria-hidden="true" />}
              active={active}
              aria-current={active ? "page" : undefined}
              className={classes.link}
            />
          );
        })}
      </NavSection>
      <NavSection label="Workspace">
        {workspaceItems
          .filter((item) => isAdmin || !item.isAdminOnly)
          .map((item) => (
            <PageLink key={item.path} item={item} pathname={pathname} />
          ))}
      </NavSection>
    </AppShell.Section>
  );
}
