import { AppShell, Container, useMantineTheme } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { AppHeader } from "./app-header";
import classes from "./app-layout.module.css";
import { AppNavbar } from "./app-navbar";
import { CommandPalette } from "./command-palette";

/** The signed-in frame: header, navigation, the page, and the command palette. */
export function AppLayout() {
  const [isNavOpen, nav] = useDisclosure(false);
  const theme = useMantineTheme();
  const isPhone = useMediaQuery(`(max-width: calc(${theme.breakpoints.sm} - 1px))`) ?? false;
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  // After a navigation: close the phone menu and move focus to the new page, as a full page load would.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    nav.close();
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname, nav]);

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an anchor by convention; script moves the focus so the router sees no hash change */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <AppShell
        className={classes.shell}
        header={{ height: 60 }}
        navbar={{ width: 256, breakpoint: "sm", collapsed: { mobile: !isNavOpen } }}
        padding={{ base: "md", sm: "xl" }}
      >
        <AppShell.Header>
          <AppHeader isNavOpen={isNavOpen} onToggleNav={nav.toggle} />
        </AppShell.Header>
        {/* Collapsed behind the menu button on phones: out of the tab order and the accessibility tree too. */}
        <AppShell.Navbar
          aria-label="Main"
          inert={isPhone && !isNavOpen}
          style={isPhone && !isNavOpen ? { visibility: "hidden" } : undefined}
        >
          <AppNavbar />
        </AppShell.Navbar>
        <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
          <Container size="lg" px={0}>
            <Outlet />
          </Container>
        </AppShell.Main>
      </AppShell>
      <CommandPalette />
    </>
  );
}
