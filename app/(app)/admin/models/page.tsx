import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { listModels } from "@/lib/inference";
import { ModelFormButton } from "./model-form";
import { ModelRowActions } from "./model-row-actions";

export const metadata = { title: "Models · RetouchIQ Studio" };

const ROLES = ["annotator", "perturber", "policy", "reward", "judge"] as const;

export default async function ModelsPage() {
  const actor = await requirePageRole(["admin"], "/admin/models");
  const models = await listModels({ ctx: createContext({ actor }) });
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-2xl font-semibold">Models</h1>
          <p className="text-sm text-zinc-500">
            One active model per role; a role with none uses the built-in heuristic.{" "}
            <Link className="underline" href="/admin/users">
              Users
            </Link>
          </p>
        </div>
        <ModelFormButton />
      </div>
      <Card>
        <ul className="flex flex-wrap gap-4 text-sm" aria-label="Models in use">
          {ROLES.map((role) => {
            const active = models.find((m) => m.role === role && m.active);
            return (
              <li key={role}>
                <span className="font-medium">{role}</span>: {active ? active.name : "built-in heuristic"}{" "}
                <Badge tone={!active || active.backend === "heuristic" ? "warn" : "good"}>
                  {!active || active.backend === "heuristic" ? "heuristic" : "model"}
                </Badge>
              </li>
            );
          })}
        </ul>
      </Card>
      <Card>
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Backend</Th>
              <Th>Endpoint / served model</Th>
              <Th>Prompt</Th>
              <Th>Slots</Th>
              <Th>Key</Th>
              <Th>Status</Th>
              <Th>Actions</Th>
            </tr>
          </thead>
          <tbody>
            {models.length === 0 && (
              <tr>
                <Td colSpan={9}>No models configured: every role uses the built-in heuristic.</Td>
              </tr>
            )}
            {models.map((m) => (
              <tr key={m.id}>
                <Td>{m.name}</Td>
                <Td>{m.role}</Td>
                <Td>{m.backend === "heuristic" ? <Badge tone="warn">heuristic</Badge> : m.backend}</Td>
                <Td className="max-w-xs truncate">{m.backend === "heuristic" ? "—" : `${m.endpoint} · ${m.servedModel}`}</Td>
                <Td>{m.promptVersion}</Td>
                <Td>{m.backend === "heuristic" ? "—" : m.concurrency}</Td>
                <Td>{m.apiKeyEnv ? `env ${m.apiKeyEnv}` : m.hasStoredKey ? "stored (encrypted)" : "none"}</Td>
                <Td>{m.active ? <Badge tone="good">active</Badge> : <Badge>inactive</Badge>}</Td>
                <Td>
                  <ModelRowActions model={m} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
