// ESLint flat config. Prettier owns layout (npm run lint runs both); ESLint looks for bugs.
// TypeScript files are linted with type information (one program from tsconfig.json, shared by
// every file through the project service), so rules such as no-floating-promises can see which
// calls return promises: a forgotten await in the guard can let a post through unchecked.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'dist/',
      'coverage/',
      'release/',
      'test-results/',
      // Generated from OpenCC's tables by scripts/gen-fold-table.ts.
      'rules/engine/fold-table.generated.ts',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // An async function with no await still turns a throw into a rejection, which callers of
      // the Promise-returning interfaces (storage, messaging, fakes in tests) rely on.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a binding kept on purpose: a destructured field left out of a copy, an
      // argument a callback's signature requires.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Preact components and hooks: the hooks rules hold for Preact's hooks as for React's.
    files: ['**/*.tsx', '**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests read JSON that the CLI, the log export or the page printed and assert on its fields
    // with expect(): a wrong shape fails the assertion, so typing every parse would add casts
    // and no safety.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The network gate calls only the built-ins it took at install (guard/net/natives.ts), through
    // Reflect.apply on untyped references: a typed call through a prototype is exactly what a page
    // script could replace first. What such a call returns is untyped by construction.
    files: ['guard/net/**', 'guard/main-world/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Built-ins are taken off their prototypes to be called later with Reflect.apply.
      '@typescript-eslint/unbound-method': 'off',
      // A wrapped XMLHttpRequest method keeps its request object for callbacks that run later.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    // The page-side attack suite does what a hostile page script does: it takes built-ins off
    // their prototypes and replaces them.
    files: ['tests/e2e/attacks/**', 'tests/e2e/attacks*.test.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    // The replica pages' scripts run in the browser, as the platforms' own scripts do.
    files: ['tests/replicas/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // The CLI launcher and the start script run in Node.
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
);
