import js from "@eslint/js";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const DATA_ONLY = "Only a data module (*.data.server.ts) talks to the database: add or use a function in the feature's data module.";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "public/modules/**",
      "app/generated/**",
      "node_modules/**",
      ".cache/**",
      "data/**",
      "bench/tmp/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      "react/no-danger": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='PrismaClient']",
          message: "Only app/db/database.server.ts constructs a PrismaClient; use db() from ~/db/db.server.",
        },
        {
          selector: "CallExpression[callee.property.name='formData'][arguments.length=0]",
          message:
            "Read a posted form with readForm() from ~/utils/request.server: it answers a body that is not a form with 415, not 500.",
        },
      ],
    },
  },
  {
    // One import style inside app/: from the app's root, "~/...".
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["./*", "../*"], message: 'Import from the app\'s root: "~/folder/module".' }] },
      ],
    },
  },
  {
    // Only the data layer talks to the database: the data modules, named
    // *.data.server.ts (one module per table or aggregate, in the feature that
    // writes it), and app/db, which opens it. Elsewhere the Prisma client and
    // the database may be imported for their types only (a transaction's type
    // passed through, an enum's values).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.data.server.ts", "app/db/**", "app/server/bootstrap.server.ts", "app/generated/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "~/db/db.server", message: DATA_ONLY, allowTypeImports: true },
            { name: "~/generated/prisma/client", message: DATA_ONLY, allowTypeImports: true },
          ],
          patterns: [
            {
              group: ["~/db/database.server", "~/db/migrate.server", "~/db/schema-engine.server", "~/db/seed.server"],
              message: "Opening and migrating the database belongs to app/db and the server's start-up.",
              allowTypeImports: true,
            },
            {
              group: ["@prisma/*", "pg", "@electric-sql/*", "pglite-prisma-adapter"],
              message: "Database drivers belong to app/db.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Dependencies point one way: routes -> services -> data modules -> app/db.
    // A data module may import other data modules, app/db, app/utils, the email
    // templates (which read and write nothing) and modules the browser gets
    // too; a service, a component or a route only for its types.
    files: ["app/**/*.data.server.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "~/**/*.server",
                "!~/**/*.data.server",
                "!~/db/**",
                "!~/utils/**",
                "!~/email/templates/**",
                "~/routes/**",
                "~/**/components/**",
                "~/root",
              ],
              message:
                "A data module imports no service, component or route (types excepted): move the rule into a service that calls this module.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Raw SQL is written one way: a tagged template ($queryRaw`...`, $executeRaw`...`)
    // or a Prisma.sql value, so every value is a bound parameter.
    files: ["app/**/*.{ts,tsx}", "scripts/**/*.ts", "tests/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { property: "$queryRawUnsafe", message: "Use $queryRaw`...` or Prisma.sql (values become bound parameters)." },
        { property: "$executeRawUnsafe", message: "Use $executeRaw`...` or Prisma.sql (values become bound parameters)." },
      ],
    },
  },
  {
    files: ["app/db/database.server.ts", "app/utils/request.server.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
