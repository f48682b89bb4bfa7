// ESLint flat config for the case.
module.exports = [
  {
    files: ['src/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { console: 'readonly', require: 'readonly', module: 'writable' } },
    rules: {
      'no-unused-vars': 'error',
      'no-undef': 'error',
      eqeqeq: 'warn',
      'prefer-const': 'warn',
      semi: ['error', 'always'],
      'no-console': 'off',
      quotes: ['warn', 'single'],
    },
  },
];
