import { Badge } from "@mantine/core";
import type { Role, UserStatus } from "#contracts/people";
import { capitalize } from "../../../lib/format";

const roleColors: Record<Role, string> = { admin: "indigo", member: "gray", viewer: "gray" };

/** Admin, member or viewer. */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={roleColors[role]} variant="light" tt="none">
      {capitalize(role)}
    </Badge>
  );
}

/** Active or deactivated. */
export function StatusBadge({ status }: { status: UserStatus }) {
  return status === "active" ? (
    <Badge color="teal" variant="light" tt="none">
      Active
    </Badge>
  ) : (
    <Badge color="red" variant="light" tt="none">
      Deactivated
    </Badge>
  );
}
