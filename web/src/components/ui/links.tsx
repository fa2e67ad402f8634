import { Anchor, type AnchorProps, Button, type ButtonProps } from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import type { AnchorHTMLAttributes } from "react";

type AnchorBaseProps = AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>;
type ButtonBaseProps = ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement>;

function AnchorBase(props: AnchorBaseProps) {
  return <Anchor {...props} />;
}

function ButtonBase(props: ButtonBaseProps) {
  return <Button component="a" {...props} />;
}

const CreatedAnchorLink = createLink(AnchorBase);
const CreatedButtonLink = createLink(ButtonBase);

/** A Mantine text link that navigates inside the app, with typed `to` and `search`. */
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

/** A Mantine button that navigates inside the app, with typed `to` and `search`. */
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);
