import { Badge } from "@/app/_components/ui/badge";
import type { ImagePage } from "@/app/_queries/images";

/** Thumbnails with their processing state; failed items show why. */
export function ImageGrid({ items }: { items: ImagePage["items"] }) {
  if (items.length === 0) return <p className="text-sm text-zinc-500">No images yet.</p>;
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
      {items.map((img) => (
        <li
          key={img.sha256}
          data-testid="image-tile"
          data-status={img.status}
          className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
        >
          <div className="flex aspect-square items-center justify-center bg-zinc-100 dark:bg-zinc-800">
            {img.status === "ready" ? (
              // eslint-disable-next-line @next/next/no-img-element -- served by our authenticated blob route, not next/image
              <img
                src={`/api/v1/images/${img.sha256}/thumbnail`}
                alt={img.originalName ?? img.sha256.slice(0, 12)}
                className="h-full w-full object-cover"
                loading="lazy"
              />
            ) : (
              <Badge tone={img.status === "failed" ? "bad" : "warn"}>{img.status === "failed" ? "failed" : "processing…"}</Badge>
            )}
          </div>
          <div className="truncate px-2 py-1 text-xs" title={img.error ?? img.originalName ?? undefined}>
            {img.originalName ?? img.sha256.slice(0, 12)} · {img.width}×{img.height}
          </div>
        </li>
      ))}
    </ul>
  );
}
