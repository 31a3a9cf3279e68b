#!/usr/bin/env node
// npm run docs: regenerate docs/program-yml.md from the program.yml schema.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { programDocs } from '../src/core/program-docs.ts';

const target = resolve(import.meta.dirname, '../docs/program-yml.md');
writeFileSync(target, programDocs());
console.log(`wrote ${target}`);
