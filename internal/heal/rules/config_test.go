package rules

import (
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
)

func TestNextOptions(t *testing.T) {
	src := `import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  swcMinify: true,
  experimental: {
    appDir: true,
    serverComponentsExternalPackages: ["sharp"],
    typedRoutes: true,
  },
  images: { unoptimized: true },
};

export default nextConfig;
`
	d := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "next.config.ts", Line: 7, Code: "TS2353",
		Message: "Object literal may only specify known properties, and 'appDir' does not exist in type 'ExperimentalConfig'."})
	out := mustFix(t, nextOptions, map[string]string{"next.config.ts": src}, d)["next.config.ts"]
	for _, gone := range []string{"swcMinify", "appDir", "experimental"} {
		if strings.Contains(out, gone) {
			t.Errorf("%s is still there:\n%s", gone, out)
		}
	}
	for _, kept := range []string{`serverExternalPackages: ["sharp"]`, "typedRoutes: true", "images: { unoptimized: true }", "reactStrictMode: true"} {
		if !strings.Contains(out, kept) {
			t.Errorf("%s missing:\n%s", kept, out)
		}
	}
	// An option only the diagnostic names.
	warn := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "next.config.ts", Code: "invalid-next-config", Message: "Unrecognized key(s) in object: 'fancyThing'"})
	src2 := "const nextConfig = {\n  fancyThing: { a: 1 },\n  poweredByHeader: false,\n};\nexport default nextConfig;\n"
	if out := mustFix(t, nextOptions, map[string]string{"next.config.ts": src2}, warn)["next.config.ts"]; out != "const nextConfig = {\n  poweredByHeader: false,\n};\nexport default nextConfig;\n" {
		t.Errorf("got %q", out)
	}
	mustNotFix(t, nextOptions, map[string]string{"next.config.ts": "const nextConfig = {};\nexport default nextConfig;\n"}, d)
}

func TestESMConfig(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "next.config.mjs", Line: 7, Code: "next-config-error", Message: "ReferenceError: module is not defined in ES module scope"})
	src := "const path = require(\"path\");\nconst { join } = require('path');\n/** @type {import('next').NextConfig} */\nconst nextConfig = { reactStrictMode: true };\n\nmodule.exports = nextConfig;\n"
	out := mustFix(t, esmConfig, map[string]string{"next.config.mjs": src}, d)["next.config.mjs"]
	want := "import path from \"path\";\nimport { join } from 'path';\n/** @type {import('next').NextConfig} */\nconst nextConfig = { reactStrictMode: true };\n\nexport default nextConfig;\n"
	if out != want {
		t.Errorf("got\n%s", out)
	}
	mustNotFix(t, esmConfig, map[string]string{"next.config.mjs": "export default { plugins: [require('x')()] };\n"}, d)
}

func TestTailwindV4(t *testing.T) {
	pkg := `{"dependencies":{"next":"16.4.6"},"devDependencies":{"tailwindcss":"4.3.5"}}`
	plugin := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "postcss.config.mjs",
		Message: "It looks like you're trying to use `tailwindcss` directly as a PostCSS plugin. The PostCSS plugin has moved to a separate package."})
	out := mustFix(t, tailwindV4, map[string]string{
		"postcss.config.mjs": "const config = {\n  plugins: {\n    tailwindcss: {},\n    autoprefixer: {},\n    \"postcss-nested\": {},\n  },\n};\n\nexport default config;\n",
		"package.json":       pkg,
	}, plugin)
	if want := "const config = {\n  plugins: {\n    \"@tailwindcss/postcss\": {},\n    \"postcss-nested\": {},\n  },\n};\n\nexport default config;\n"; out["postcss.config.mjs"] != want {
		t.Errorf("postcss config:\n%s", out["postcss.config.mjs"])
	}
	if !strings.Contains(out["package.json"], `"@tailwindcss/postcss": "4.3.5"`) {
		t.Errorf("package.json: %s", out["package.json"])
	}
	array := mustFix(t, tailwindV4, map[string]string{"postcss.config.js": "module.exports = {\n  plugins: [require(\"tailwindcss\"), require(\"autoprefixer\")],\n};\n", "package.json": pkg}, plugin)
	if !strings.Contains(array["postcss.config.js"], "plugins: {\n    \"@tailwindcss/postcss\": {},\n  }") {
		t.Errorf("array form:\n%s", array["postcss.config.js"])
	}

	css := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/globals.css", Line: 1, Message: "Cannot apply unknown utility class `bg-slate-50`"})
	out = mustFix(t, tailwindV4, map[string]string{"app/globals.css": "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n\nbody {\n  @apply bg-slate-50;\n}\n"}, css)
	if out["app/globals.css"] != "@import \"tailwindcss\";\n\nbody {\n  @apply bg-slate-50;\n}\n" {
		t.Errorf("directives:\n%s", out["app/globals.css"])
	}
	module := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "components/card.module.css", Line: 1, Message: "Cannot apply unknown utility class `p-4`"})
	out = mustFix(t, tailwindV4, map[string]string{"components/card.module.css": ".card { @apply p-4; }\n"}, module)
	if !strings.HasPrefix(out["components/card.module.css"], "@reference \"tailwindcss\";\n") {
		t.Errorf("module css:\n%s", out["components/card.module.css"])
	}
	renamed := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/globals.css", Message: "Cannot apply unknown utility class `flex-shrink-0`"})
	out = mustFix(t, tailwindV4, map[string]string{"app/globals.css": "@import \"tailwindcss\";\n.x { @apply flex-shrink-0 p-2; }\n"}, renamed)
	if !strings.Contains(out["app/globals.css"], "@apply shrink-0 p-2") {
		t.Errorf("renamed utility:\n%s", out["app/globals.css"])
	}
	custom := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/globals.css", Message: "Cannot apply unknown utility class `bg-brand`"})
	out = mustFix(t, tailwindV4, map[string]string{"app/globals.css": "@import \"tailwindcss\";\n.x { @apply bg-brand; }\n", "tailwind.config.ts": "export default {}\n"}, custom)
	if !strings.Contains(out["app/globals.css"], "@import \"tailwindcss\";\n@config \"../tailwind.config.ts\";") {
		t.Errorf("@config:\n%s", out["app/globals.css"])
	}
}

func TestGoogleFonts(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/layout.tsx", Line: 2, Message: "Failed to fetch font `Inter`: https://fonts.googleapis.com/css2?family=Inter"})
	src := "import type { Metadata } from \"next\";\nimport { Inter } from \"next/font/google\";\n\nconst inter = Inter({ subsets: [\"latin\"] });\n\nexport default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html><body className={inter.className}>{children}</body></html>;\n}\n"
	out := mustFix(t, googleFonts, map[string]string{"app/layout.tsx": src}, d)["app/layout.tsx"]
	if strings.Contains(out, "next/font") || strings.Contains(out, "Inter(") || !strings.Contains(out, `<body className="font-sans">`) {
		t.Errorf("got\n%s", out)
	}
}
