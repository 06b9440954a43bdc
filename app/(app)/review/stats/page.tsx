import Link from "next/link";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { reviewOverlap, reviewStats } from "@/lib/review";
import { ReviewSettingsForm } from "./settings-form";

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

export default async function ReviewStatsPage() {
  const actor = await requirePageRole(["researcher"], "/review/stats");
  const ctx = createContext({ actor });
  const [stats, overlap] = await Promise.all([reviewStats({ ctx, input: { days: 30 } }), reviewOverlap(ctx)]);
  return (
    <div className="space-y-4">
      <Link href="/review" className="text-sm underline">
        ← Review
      </Link>
      <h1 className="text-2xl font-semibold">Review stats and settings</h1>
      <Card>
        <CardTitle>Queue settings</CardTitle>
        <ReviewSettingsForm overlap={overlap} />
      </Card>
      <Card>
        <CardTitle>Annotators, last {stats.days} days</CardTitle>
        <Table data-testid="annotator-stats">
          <thead>
            <tr>
              <Th>Annotator</Th>
              <Th>Items</Th>
              <Th title="Items per hour in which they decided anything">Items / active hour</Th>
              <Th>Accept</Th>
              <Th>Edit</Th>
              <Th>Reject</Th>
              <Th title="Same verdict and text as another annotator on the same variant">Agreement with others</Th>
              <Th title="Same verdict and text as the reviewer's adjudication">Agreement with reviewer</Th>
            </tr>
          </thead>
          <tbody>
            {stats.annotators.map((a) => (
              <tr key={a.email}>
                <Td className="[overflow-wrap:anywhere]">{a.name}</Td>
                <Td>{a.items}</Td>
                <Td>{a.itemsPerHour?.toFixed(1) ?? "—"}</Td>
                <Td>{pct(a.acceptRate)}</Td>
                <Td>{pct(a.editRate)}</Td>
                <Td>{pct(a.rejectRate)}</Td>
                <Td>
                  {pct(a.agreementWithOthers)} <span className="text-xs text-zinc-500">of {a.comparedWithOthers}</span>
                </Td>
                <Td>
                  {pct(a.agreementWithReviewer)} <span className="text-xs text-zinc-500">of {a.comparedWithReviewer}</span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card>
        <CardTitle>Models and prompt versions</CardTitle>
        <Table data-testid="model-stats">
          <thead>
            <tr>
              <Th>Model</Th>
              <Th>Prompt</Th>
              <Th>Reviewed</Th>
              <Th>Accepted unchanged</Th>
              <Th>Accepted after edit</Th>
              <Th>Rejected</Th>
            </tr>
          </thead>
          <tbody>
            {stats.models.map((m) => (
              <tr key={`${m.model}-${m.prompt}`}>
                <Td>
                  {m.model} <span className="text-xs text-zinc-500">({m.backend})</span>
                </Td>
                <Td className="font-mono text-xs">{m.prompt}</Td>
                <Td>{m.reviewed}</Td>
                <Td>{pct(m.acceptedUnchangedRate)}</Td>
                <Td>{m.acceptedEdited}</Td>
                <Td>{m.rejected}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
