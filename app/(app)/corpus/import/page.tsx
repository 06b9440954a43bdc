import Link from "next/link";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { ImportDropzone } from "./import-dropzone";

export default async function CorpusImportPage() {
  await requirePageRole(rolesFor("/corpus"), "/corpus/import");
  return (
    <div className="space-y-4">
      <Link href="/corpus" className="text-sm underline">
        ← Corpus
      </Link>
      <h1 className="text-2xl font-semibold">Import trajectories</h1>
      <p className="text-sm text-zinc-600">
        Drop a Lightroom export folder (<code>name.jpg</code> + <code>name.xmp</code>, optional <code>name.after.jpg</code>) or a JSONL
        manifest with the files it names. Bad rows are reported with their line and reason; importing the same data again adds nothing. For
        very large imports use <code>npx retouch import &lt;path&gt;</code> on the server.
      </p>
      <ImportDropzone />
    </div>
  );
}
