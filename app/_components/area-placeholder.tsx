import { Card } from "./ui/card";

/** An area whose workflow lands in a later issue: says what it will hold. */
export function AreaPlaceholder({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <Card>
        <p className="text-sm text-zinc-500">{children}</p>
      </Card>
    </div>
  );
}
