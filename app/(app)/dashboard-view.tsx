"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { dashboardQuery } from "@/app/_queries/dashboard";
import { imagesQuery } from "@/app/_queries/images";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { ImageGrid } from "./images/image-grid";

/** `canBrowseCorpus`: researchers get the corpus link; annotators and reviewers the review workspace. */
export function DashboardView({ canBrowseCorpus }: { canBrowseCorpus: boolean }) {
  const { data } = useQuery(dashboardQuery());
  const { data: recent } = useQuery(imagesQuery({ limit: 12 }));
  if (!data) return null;
  const { counts } = data;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
        <Stat label="Images ready" value={counts.images.ready} testId="count-ready" />
        <Stat label="Processing" value={counts.images.pending} testId="count-pending" />
        <Stat label="Failed" value={counts.images.failed} testId="count-failed" />
        <Stat label="Trajectories" value={data.corpus.total} testId="count-trajectories" />
        {counts.users !== null && <Stat label="Users" value={counts.users} testId="count-users" />}
      </div>
      {data.corpus.total > 0 && (
        <Card>
          <CardTitle
            action={
              canBrowseCorpus ? (
                <Link className="text-sm underline" href="/corpus">
                  Open corpus
                </Link>
              ) : (
                <Link className="text-sm underline" href="/review">
                  Start reviewing
                </Link>
              )
            }
          >
            Corpus by status
          </CardTitle>
          <ul className="flex flex-wrap gap-3 text-sm" data-testid="corpus-by-status">
            {Object.entries(data.corpus.byStatus).map(([status, n]) => (
              <li key={status}>
                <Badge>{status.replaceAll("_", " ")}</Badge> <span className="tabular-nums">{n.toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <CardTitle>Queue health</CardTitle>
        {data.queueError ? (
          <p role="alert" className="text-sm text-red-600">
            {data.queueError}
          </p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Queue</Th>
                <Th>Workers</Th>
                <Th>Waiting</Th>
                <Th>Active</Th>
                <Th>Delayed</Th>
                <Th>Completed</Th>
                <Th>Failed</Th>
              </tr>
            </thead>
            <tbody>
              {data.queues?.map((q) => (
                <tr key={q.name} data-testid={`queue-${q.name}`}>
                  <Td className="font-medium">{q.name}</Td>
                  <Td>{q.workers > 0 ? <Badge tone="good">{q.workers} running</Badge> : <Badge tone="bad">no worker</Badge>}</Td>
                  <Td>{q.counts.waiting}</Td>
                  <Td>{q.counts.active}</Td>
                  <Td>{q.counts.delayed}</Td>
                  <Td>{q.counts.completed}</Td>
                  <Td>{q.counts.failed > 0 ? <Badge tone="warn">{q.counts.failed}</Badge> : 0}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card>
        <CardTitle
          action={
            <Link className="text-sm underline" href="/images">
              All images
            </Link>
          }
        >
          Recent images
        </CardTitle>
        <ImageGrid items={recent?.items ?? []} />
      </Card>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Card>
      <div className="text-sm text-zinc-500">{label}</div>
      <div className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value.toLocaleString()}
      </div>
    </Card>
  );
}
