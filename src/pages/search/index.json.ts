import type { APIRoute } from 'astro';
import { program, sortedMentors } from '../../site/content.ts';
import { searchIndex } from '../../site/model.ts';

export const GET: APIRoute = async () => {
  const index = searchIndex(await sortedMentors(), program());
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } });
};
