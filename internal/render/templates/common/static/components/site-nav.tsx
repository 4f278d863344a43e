"use client";

import { Link, usePathname } from "@/lib/navigation";

interface NavLink {
  href: string;
  label: string;
}

/** The main navigation; the current page is marked for screen readers and styled. */
export function SiteNav({ links }: { links: readonly NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-1 flex w-full flex-wrap gap-1 sm:w-auto sm:flex-1">
      {links.map((link) => {
        const current = link.href === "/" ? pathname === "/" : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm transition hover:underline hover:underline-offset-[6px] ${
              current ? "font-semibold underline decoration-2 underline-offset-[6px]" : "font-medium"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
