"use client";
import { useQuery } from "@tanstack/react-query";
import { imagesQuery } from "@/app/_queries/images";
import { ImageGrid } from "./image-grid";

export function ImagesView() {
  const { data, error } = useQuery(imagesQuery({ limit: 96 }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Images</h1>
      {error && (
        <p role="alert" className="text-red-600">
          {error.message}
        </p>
      )}
      <ImageGrid items={data?.items ?? []} />
    </div>
  );
}
