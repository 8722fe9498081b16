// Lint: typescript-eslint's recommended rules, plus the house rules that keep the
// functional core pure and botbuilder inside bot/.
import tseslint from 'typescript-eslint';

const noSystemTime = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Take "now" from a Clock.',
  },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take "now" from a Clock.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', '.data/', 'devTools/', 'docs/', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder stays inside bot/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The domain: pure functions over plain data. No I/O libraries, no system time.
    files: [
      'src/procedures/**/*.ts',
      'src/calendar/**/*.ts',
      'src/workflow/**/*.ts',
      'src/scheduler/**/*.ts',
      'src/reports/**/*.ts',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...noSystemTime],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'restify', '@azure/*', 'node:fs', 'fs', 'node:http', 'http'],
              message: 'The domain does no I/O.',
            },
          ],
        },
      ],
    },
  },
);
