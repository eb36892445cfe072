import {esbuildPlugin} from '@web/dev-server-esbuild';
import {fromRollup} from '@web/dev-server-rollup';
import {chromeLauncher} from '@web/test-runner-chrome';
import {miliaContent} from './build/content/rollup-plugin.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: {exportConditions: ['production']},
  plugins: [fromRollup(miliaContent)(), esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'auto'})],
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS},
    }),
  ],
  testFramework: {config: {timeout: 5000}},
};
