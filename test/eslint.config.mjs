import jest from 'eslint-plugin-jest';
import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Test harnesses read their environment (database root URL, bench sizes) directly.
    files: ['**/*.ts'],
    plugins: { jest },
    rules: {
      'no-restricted-properties': 'off',
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
    },
  },
];
