import type { Role } from "@/db/schema";

/** The app's areas and who may open each (admins may open all). */
export const NAV: { href: string; label: string; roles: Role[] }[] = [
  { href: "/", label: "Dashboard", roles: ["annotator", "reviewer", "researcher"] },
  { href: "/review", label: "Review", roles: ["annotator", "reviewer", "researcher"] },
  { href: "/compare", label: "Compare", roles: ["annotator", "reviewer", "researcher"] },
  { href: "/corpus", label: "Corpus", roles: ["researcher"] },
  { href: "/images", label: "Images", roles: ["annotator", "reviewer", "researcher"] },
  { href: "/develop", label: "Develop", roles: ["annotator", "reviewer", "researcher"] },
  { href: "/upload", label: "Upload", roles: ["researcher"] },
  { href: "/rounds", label: "Rounds", roles: ["researcher"] },
  { href: "/evaluation", label: "Evaluation", roles: ["researcher"] },
  { href: "/admin/users", label: "Admin", roles: [] },
];

export const rolesFor = (href: string) => NAV.find((n) => n.href === href)?.roles ?? [];
