import Link from "next/link";
import { Card } from "@/app/_components/ui/card";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { listDisputes } from "@/lib/review";

export default async function DisputesPage() {
  const actor = await requirePageRole(["reviewer", "researcher"], "/review/disputes");
  const disputes = await listDisputes({ ctx: createContext({ actor }) });
  return (
    <div className="space-y-4">
      <Link href="/review" className="text-sm underline">
        ← Review
      </Link>
      <h1 className="text-2xl font-semibold">Disagreements</h1>
      <Card>
        {disputes.length === 0 ? (
          <p className="text-sm text-zinc-500" data-testid="no-disputes">
            No open disagreements: every item decided by several annotators so far was decided the same way.
          </p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Trajectory</Th>
                <Th>Category</Th>
                <Th>Annotators</Th>
                <Th>Since</Th>
              </tr>
            </thead>
            <tbody>
              {disputes.map((d) => (
                <tr key={d.trajectoryId} data-testid="dispute-row">
                  <Td>
                    <Link className="font-mono underline" href={`/review/disputes/${d.trajectoryId}`}>
                      {d.trajectoryId.slice(0, 8)}
                    </Link>
                  </Td>
                  <Td>{d.category}</Td>
                  <Td>{d.annotators}</Td>
                  <Td>{d.since.slice(0, 16).replace("T", " ")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
