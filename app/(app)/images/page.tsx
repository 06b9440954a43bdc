import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getQueryClient } from "@/app/_queries/get-query-client";
import { imagesQuery } from "@/app/_queries/images";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { listImages } from "@/lib/images";
import { ImagesView } from "./images-view";

export default async function ImagesPage() {
  const actor = await requirePageRole(rolesFor("/images"), "/images");
  const qc = getQueryClient();
  await qc.prefetchQuery({
    ...imagesQuery({ limit: 96 }),
    queryFn: () => listImages({ ctx: createContext({ actor }), input: { limit: 96 } }),
  });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ImagesView />
    </HydrationBoundary>
  );
}
