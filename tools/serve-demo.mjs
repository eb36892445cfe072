// `npm start`: serves the repo (built bundles in dist/, the demo in demo/) on localhost.
import {startDevServer} from '@web/dev-server';

const port = Number(process.env.PORT ?? 8000);
await startDevServer({
  config: {rootDir: '.', port, hostname: 'localhost', watch: false, open: false},
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`\nmilia-widgets demo: http://localhost:${port}/demo/\n(Ctrl+C stops the server)`);
