// ESLint (flat config): typescript-eslint's recommended type-checked rules over every TypeScript
// folder, and the hooks rules for the Preact renderer. `npm run lint` fails on any warning.
// Import boundaries stay in the build plugin (scripts/process-boundaries.mjs), not here.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Each process typechecks with its own tsconfig (the renderer never sees Node types): a file is
// checked with the first project that includes it, so the process folders come before test/.
const PROJECTS = ['main/tsconfig.json', 'preload/tsconfig.json', 'renderer/tsconfig.json', 'server/tsconfig.json', 'test/tsconfig.json'];

export default tseslint.config(
  // The insecure fixture exists to be flagged by the security gate; build output is not source.
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/fixtures/**', '.stryker-tmp/**', 'reports/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: PROJECTS, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // As tsc's noUnusedLocals: a leading underscore marks a deliberately unused name.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Implementations of async interfaces answer at once: the practice meeting's SDK, memory
      // stores, Fastify plugins, test fakes. A missing await is caught by no-floating-promises.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The hooks rules Preact's hooks share with React. Version 7's preset also carries the React
    // Compiler's rules (immutability, purity, refs), which model that compiler's memoization;
    // Preact has no compiler, so only these two apply.
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Vitest types its asymmetric matchers (expect.objectContaining, ...) as any, and tests read
    // JSON answers (fetch, Fastify's inject) untyped: the assertions are what check their shape.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fires on expect(fake.method) and vi.spyOn targets, which never call the method unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
