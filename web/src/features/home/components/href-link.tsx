import { Anchor, type AnchorProps } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { MouseEvent, ReactNode } from "react";

/** A text link to an address the server gave (a record's page), navigating inside the app. */
export function HrefLink({ href, children, ...props }: AnchorProps & { href: string; children: ReactNode }) {
  const navigate = useNavigate();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate({ href });
  };
  return (
    <Anchor href={href} onClick={handleClick} {...props}>
      {children}
    </Anchor>
  );
}
