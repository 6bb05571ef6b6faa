// @ts-check
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');
const { importX, createNodeResolver } = require('eslint-plugin-import-x');

const AGENCIES = ['airports', 'customs', 'drugs', 'routes'];

/**
 * The house's layout rules (ARCHITECTURE.md), enforced: a subgraph imports only the kit and its
 * own folder, so an agency can take its folder plus the kit and run it alone; the kit imports no
 * agency; the gateway imports no subgraph code (it knows subgraphs only through the supergraph).
 */
const layoutZones = [
  ...AGENCIES.map((agency) => ({
    target: `./subgraphs/${agency}`,
    from: './subgraphs',
    except: [`./${agency}`, './kit'],
    message: `an agency imports only the kit and its own folder (subgraphs/${agency}, subgraphs/kit)`,
  })),
  {
    target: './subgraphs/kit',
    from: './subgraphs',
    except: ['./kit'],
    message: 'the kit is domain-free: it imports no agency',
  },
  ...['gateway', 'scripts', 'test', 'bench', 'schema'].map((folder) => ({
    target: './subgraphs',
    from: `./${folder}`,
    message: 'subgraphs import no project code outside subgraphs/',
  })),
  {
    target: './gateway',
    from: './subgraphs',
    // The kit is domain-free: a check both sides need (e.g. a document's shape limits) lives there once.
    except: ['./kit'],
    message: 'the gateway knows subgraphs only through the supergraph SDL, never their code',
  },
];

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layoutZones }] },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
