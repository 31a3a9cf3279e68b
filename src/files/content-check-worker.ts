// The worker thread of checkProfilesInWorker (content-check.ts): one check of program.yml and every profile.
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

// Astro's CLI turns on Node's compile cache for its own thread, except in CI, where the cache is not reused; a
// worker thread does not inherit it. With it, loading the check's modules (the schemas, the YAML and phone-number
// parsers) takes about half as long, so they are imported only after it is on.
if (!process.env.CI) module.enableCompileCache?.();
const { checkProfiles } = await import('./content-check-run.ts');

const { root } = workerData as { root: string };
parentPort!.postMessage(checkProfiles(root));
