import { Table, Td, Th } from "./ui/table";

/** The edit in words and as a table of parameter changes (review and adjudication). */
export function EditTable({
  description,
  changes,
}: {
  description: string;
  changes: { key: string; from: string; to: string; delta: number | string | null }[];
}) {
  return (
    <div>
      <p className="mb-2 text-sm" data-testid="edit-description">
        {description}
      </p>
      <Table>
        <thead>
          <tr>
            <Th>Parameter</Th>
            <Th>From</Th>
            <Th>To</Th>
            <Th>Δ</Th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.key}>
              <Td className="font-mono break-all">{c.key}</Td>
              <Td className="break-all">{c.from}</Td>
              <Td className="break-all">{c.to}</Td>
              <Td>{c.delta ?? ""}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
