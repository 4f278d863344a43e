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
    <nav aria-label="Main" className="-mx-1 flex min-w-0 flex-1 gap-1 overflow-x-auto">
      {links.map((link) => {
        const current = link.href === "/" ? pathname === "/" : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium transition hover:bg-white/15 ${
              current ? "bg-white/20" : "opacity-90"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
