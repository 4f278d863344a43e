// Navigation for the Next.js App Router; components import it from here so
// the same components work with other routers.
export { default as Link } from "next/link";
export { usePathname } from "next/navigation";
