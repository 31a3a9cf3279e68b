import { main } from './main.ts';

// The bundled action's entry: exit with main's code so Actions marks the step.
process.exitCode = await main(process.argv.slice(2), process.env);
