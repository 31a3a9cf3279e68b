import type { APIRoute } from 'astro';
import { program, programStatus, sortedMentors } from '../../site/content.ts';
import { matchFile } from '../../site/match-data.ts';

// What "Find mentors for me" scores in the browser: fetched on the first interaction with its form.
export const GET: APIRoute = async () => {
  const file = matchFile(program(), await sortedMentors(), await programStatus());
  return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json' } });
};
