import {
  type Icon,
  IconDevices,
  IconHome,
  IconKey,
  IconListSearch,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";

/** A page of the workspace part of the navigation. */
export interface NavItem {
  label: string;
  path: "/" | "/people" | "/teams" | "/sessions" | "/tokens" | "/audit";
  icon: Icon;
  description: string;
  isAdminOnly: boolean;
}

/** Home sits above the modules. */
export const homeItem: NavItem = {
  label: "Home",
  path: "/",
  icon: IconHome,
  description: "Your workspace at a glance",
  isAdminOnly: false,
};

/** People and access, below the modules. */
export const workspaceItems: NavItem[] = [
  {
    label: "People",
    path: "/people",
    icon: IconUsers,
    description: "Everyone in the workspace, and invitations",
    isAdminOnly: false,
  },
  {
    label: "Teams",
    path: "/teams",
    icon: IconUsersGroup,
    description: "Marketing, IT and the teams around them",
    isAdminOnly: false,
  },
  {
    label: "Sessions",
    path: "/sessions",
    icon: IconDevices,
    description: "Where you are signed in",
    isAdminOnly: false,
  },
  {
    label: "API tokens",
    path: "/tokens",
    icon: IconKey,
    description: "Personal tokens for scripts",
    isAdminOnly: false,
  },
  {
    label: "Audit log",
    path: "/audit",
    icon: IconListSearch,
    description: "Every change, hash-chained",
    isAdminOnly: true,
  },
];
