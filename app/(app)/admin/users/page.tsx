import Link from "next/link";
import { Card } from "@/app/_components/ui/card";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { Badge } from "@/app/_components/ui/badge";
import { listUsers } from "@/lib/auth";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { CreateUserButton } from "./create-user-button";

export const metadata = { title: "Users · RetouchIQ Studio" };

export default async function UsersPage() {
  const actor = await requirePageRole(["admin"], "/admin/users");
  const users = await listUsers({ ctx: createContext({ actor }) });
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Users</h1>
        <div className="flex items-center gap-3">
          <Link className="text-sm underline" href="/admin/models">
            Models
          </Link>
          <CreateUserButton />
        </div>
      </div>
      <Card>
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Created</Th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <Td>{u.name}</Td>
                <Td>{u.email}</Td>
                <Td>
                  <Badge tone={u.role === "admin" ? "warn" : "neutral"}>{u.role}</Badge>
                </Td>
                <Td>{u.createdAt.toISOString().slice(0, 10)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
