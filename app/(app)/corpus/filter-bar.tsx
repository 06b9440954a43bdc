import Link from "next/link";
import { CATEGORIES, SPLITS, TRAJECTORY_STATUSES } from "@/db/schema/trajectories";
import { Button } from "@/app/_components/ui/button";
import { Input, Label, Select } from "@/app/_components/ui/input";

const pick = (name: string, label: string, options: readonly string[], value?: string) => (
  <div>
    <Label htmlFor={`f-${name}`}>{label}</Label>
    <Select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
      <option value="">any</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </Select>
  </div>
);

const text = (name: string, label: string, value: string | undefined, placeholder: string) => (
  <div>
    <Label htmlFor={`f-${name}`}>{label}</Label>
    <Input id={`f-${name}`} name={name} defaultValue={value ?? ""} placeholder={placeholder} />
  </div>
);

/** The browser's filters as a plain GET form: the URL is the state, so a view can be shared or snapshotted. */
export function FilterBar({ filter }: { filter: Record<string, string> }) {
  return (
    <form method="get" action="/corpus" className="grid grid-cols-2 gap-3 md:grid-cols-6" aria-label="Corpus filters">
      {text("q", "Search instructions", filter.q, "e.g. golden hour")}
      {pick("status", "Status", TRAJECTORY_STATUSES, filter.status)}
      {pick("split", "Split", SPLITS, filter.split)}
      {pick("category", "Category", CATEGORIES, filter.category)}
      {pick("hasLocal", "Local masks", ["yes", "no"], filter.hasLocal)}
      {pick("review", "Review", ["unreviewed", "reviewed", "accepted", "rejected"], filter.review)}
      {text("param", "Parameter range", filter.param, "exposure>0.3")}
      {text("source", "Source", filter.source, "import label")}
      {text("importId", "Import id", filter.importId, "from an import report")}
      {text("model", "Model", filter.model, "heuristic")}
      {text("promptVersion", "Prompt version", filter.promptVersion, "")}
      {text("filterReason", "Filter reason", filter.filterReason, "edit-too-small")}
      {pick("excluded", "Excluded", ["hide", "only", "all"], filter.excluded)}
      <div className="col-span-2 flex gap-2 md:col-span-6">
        <Button type="submit">Apply filters</Button>
        <Link href="/corpus" className="self-center text-sm underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
