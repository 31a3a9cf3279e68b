import type { APIRoute, GetStaticPaths } from 'astro';
import { sortedMentors } from '../../../site/content.ts';
import { bioShards } from '../../../site/model.ts';

// One file per shard of bio words (a first letter, or two: shardLayout); a query fetches only the shards its words need.
export const getStaticPaths: GetStaticPaths = async () => {
  const shards = bioShards(await sortedMentors());
  return Object.keys(shards).map((key) => ({ params: { key }, props: { shard: shards[key] } }));
};

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.shard), { headers: { 'content-type': 'application/json' } });
