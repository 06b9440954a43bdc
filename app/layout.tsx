import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "./_components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "RetouchIQ Studio",
  description: "Curate, annotate and label instruction-based photo retouching data",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
