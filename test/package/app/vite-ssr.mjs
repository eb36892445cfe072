// Loads ssr.js through Vite's SSR pipeline with milia-widgets transformed by Vite (not left to
// Node), as a framework's server render would, and prints what it exported as JSON.
import {createServer} from 'vite';

const server = await createServer({
  root: import.meta.dirname,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: {middlewareMode: true, hmr: false, ws: false},
  ssr: {noExternal: ['milia-widgets']},
  optimizeDeps: {noDiscovery: true, include: []},
});
try {
  const mod = await server.ssrLoadModule('/ssr.js');
  const classes = Object.fromEntries(Object.entries(mod).map(([name, value]) => [name, typeof value]));
  console.log(JSON.stringify({classes, sameInfo: mod.MiliaInfo === mod.InfoEntry, sameFaq: mod.MiliaFaq === mod.FaqEntry}));
} finally {
  await server.close();
}
