import type { APIRoute, GetStaticPaths } from 'astro';
import { program, sortedMentors } from '../../site/content.ts';
import { cardData, CARD_CHUNK } from '../../site/model.ts';

// Card data in fixed-size chunks, in list order: the browser fetches only the chunks its results need.
export const getStaticPaths: GetStaticPaths = async () => {
  const mentors = await sortedMentors();
  return Array.from({ length: Math.max(1, Math.ceil(mentors.length / CARD_CHUNK)) }, (_, i) => ({ params: { chunk: String(i) } }));
};

export const GET: APIRoute = async ({ params }) => {
  const i = Number(params.chunk);
  const mentors = (await sortedMentors()).slice(i * CARD_CHUNK, (i + 1) * CARD_CHUNK);
  const p = program();
  return new Response(JSON.stringify(mentors.map((m) => cardData(m.data, p, m.slots))), { headers: { 'content-type': 'application/json' } });
};
