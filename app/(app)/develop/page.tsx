import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { listImages } from "@/lib/images";
import { DevelopView } from "./develop-view";

export const metadata = { title: "Develop · RetouchIQ Studio" };

export default async function DevelopPage({ searchParams }: { searchParams: Promise<{ image?: string; params?: string }> }) {
  const actor = await requirePageRole(rolesFor("/develop"), "/develop");
  const { image, params } = await searchParams;
  const { items } = await listImages({ ctx: createContext({ actor }), input: { status: "ready", limit: 100 } });
  return <DevelopView images={items.map((i) => ({ sha256: i.sha256, name: i.originalName ?? i.sha256.slice(0, 12) }))} initialImage={image ?? items[0]?.sha256} initialParams={params} />;
}
