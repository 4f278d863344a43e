import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      // Images come from URLs users type in; next/image would need every host configured.
      "@next/next/no-img-element": "off",
    },
  },
  { ignores: [".next/**", ".nexusgen/**", "node_modules/**", "next-env.d.ts", "test-results/**"] },
];

export default config;
